import type { Credentials } from '../docspace/credentials.ts';
import type { AppState, PortalId, PortalStatus, PortalSummary } from '../protocol/index.ts';
import { activePortalItem, credentialsItem, portalsItem, sessionCredentialsItem } from '../storage/schema.ts';
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
    // Credentials kept only for the browser's session are gone after a restart: those accounts ask to sign in.
    for (const record of this.records) {
      if (record.remember !== false || record.needsSignIn) continue;
      if ((await this.storage.get(sessionCredentialsItem, record.id)) === null) await this.markNeedsSignIn(record.id);
    }
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
      this.records.map(async ({ needsSignIn, signedOut, ...summary }): Promise<PortalSummary> => {
        const status: PortalStatus = signedOut
          ? 'signedOut'
          : needsSignIn
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
    return (
      (await this.storage.get(credentialsItem, id)) ?? (await this.storage.get(sessionCredentialsItem, id)) ?? undefined
    );
  }

  /** Renewed credentials (an OAuth refresh) go where the account keeps them. */
  async updateCredentials(id: PortalId, credentials: Credentials): Promise<void> {
    const record = this.get(id);
    if (!record) return;
    await this.storage.set(record.remember === false ? sessionCredentialsItem : credentialsItem, id, credentials);
  }

  /**
   * Adds or replaces an account and makes it the active one; secrets are written before the record that needs
   * them, to the area the user chose (remembered, or until the browser closes), and removed from the other.
   * A returning account keeps its place in the list and its label.
   */
  async save(record: PortalRecord, credentials: Credentials): Promise<void> {
    const remember = record.remember !== false;
    await this.storage.setMany([
      [remember ? credentialsItem : sessionCredentialsItem, record.id, credentials],
      [activePortalItem, undefined, record.id],
    ]);
    await this.storage.remove(remember ? sessionCredentialsItem : credentialsItem, record.id);
    this.records = await this.storage.update(portalsItem, (current) => {
      const at = current.findIndex((r) => r.id === record.id);
      if (at === -1) return [...current, record];
      const label = current[at]?.label;
      return current.map((r, i) => (i === at ? { ...record, ...(label ? { label } : {}) } : r));
    });
    this.activeId = record.id;
  }

  async rename(id: PortalId, label: string): Promise<boolean> {
    if (!this.get(id)) return false;
    this.records = await this.storage.update(portalsItem, (current) =>
      current.map((r) => {
        if (r.id !== id) return r;
        const { label: _old, ...rest } = r;
        return label ? { ...rest, label } : rest;
      }),
    );
    return true;
  }

  async move(id: PortalId, by: -1 | 1): Promise<boolean> {
    if (!this.get(id)) return false;
    this.records = await this.storage.update(portalsItem, (current) => {
      const from = current.findIndex((r) => r.id === id);
      const to = from + by;
      if (from === -1 || to < 0 || to >= current.length) return current;
      const next = [...current];
      [next[from], next[to]] = [next[to]!, next[from]!];
      return next;
    });
    return true;
  }

  /** Signed out: the account, its label and its place stay; its credentials were deleted by the caller. */
  async markSignedOut(id: PortalId): Promise<void> {
    this.records = await this.storage.update(portalsItem, (current) =>
      current.map((r) => (r.id === id ? { ...r, needsSignIn: true, signedOut: true } : r)),
    );
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
