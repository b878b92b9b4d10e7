import type { Credentials } from '../docspace/credentials.ts';
import type { AppState, PortalId, PortalStatus, PortalSummary } from '../protocol/index.ts';
import { activePortalItem, credentialsItem, portalsItem } from '../storage/schema.ts';
import type { TypedStorage } from '../storage/typed-storage.ts';
import type { PortalRecord } from './portal-record.ts';

export type { PortalRecord } from './portal-record.ts';
export { portalIdOf } from './portal-record.ts';

/**
 * The list of portal accounts and their credentials. The list is held in memory after `load` (every command
 * reads it) and every change is one atomic storage update, so concurrent sign-ins never lose one.
 */
export class PortalRegistry {
  private records: PortalRecord[] = [];
  private activeId: PortalId | null = null;

  constructor(private readonly storage: TypedStorage) {}

  async load(): Promise<void> {
    this.records = await this.storage.get(portalsItem);
    this.activeId = await this.storage.get(activePortalItem);
    if (this.activeId && !this.records.some((r) => r.id === this.activeId)) this.activeId = this.records[0]?.id ?? null;
  }

  get(id: PortalId): PortalRecord | undefined {
    return this.records.find((record) => record.id === id);
  }

  /** The portal the pages show: the chosen one, else the first. */
  shownPortalId(): PortalId | null {
    return this.activeId ?? this.records[0]?.id ?? null;
  }

  list(): readonly PortalRecord[] {
    return this.records;
  }

  async state(hasHostPermission: (origin: string) => Promise<boolean>): Promise<AppState> {
    const portals = await Promise.all(
      this.records.map(async ({ needsSignIn, ...summary }): Promise<PortalSummary> => {
        const status: PortalStatus = needsSignIn
          ? 'signInRequired'
          : (await hasHostPermission(summary.origin))
            ? 'signedIn'
            : 'permissionMissing';
        return { ...summary, status };
      }),
    );
    return { portals, activePortalId: this.activeId };
  }

  async credentials(id: PortalId): Promise<Credentials | undefined> {
    return (await this.storage.get(credentialsItem, id)) ?? undefined;
  }

  /** Adds or replaces an account and makes it the active one; secrets are written before the record that needs them. */
  async save(record: PortalRecord, credentials: Credentials): Promise<void> {
    await this.storage.setMany([
      [credentialsItem, record.id, credentials],
      [activePortalItem, undefined, record.id],
    ]);
    this.records = await this.storage.update(portalsItem, (current) => [
      ...current.filter((r) => r.id !== record.id),
      record,
    ]);
    this.activeId = record.id;
  }

  async remove(id: PortalId): Promise<void> {
    const records = await this.storage.update(portalsItem, (current) => current.filter((r) => r.id !== id));
    this.records = records;
    if (this.activeId === id || !records.some((r) => r.id === this.activeId)) {
      this.activeId = records[0]?.id ?? null;
      await this.storage.set(activePortalItem, this.activeId);
    }
  }

  async setActive(id: PortalId): Promise<boolean> {
    if (!this.get(id)) return false;
    await this.storage.set(activePortalItem, id);
    this.activeId = id;
    return true;
  }

  /** The portal refused the stored credentials: keep the account (and everything queued) but ask for a new sign-in. */
  async markNeedsSignIn(id: PortalId): Promise<boolean> {
    let changed = false;
    const records = await this.storage.update(portalsItem, (current) =>
      current.map((r) => {
        if (r.id !== id || r.needsSignIn) return r;
        changed = true;
        return { ...r, needsSignIn: true };
      }),
    );
    this.records = records;
    return changed;
  }
}
