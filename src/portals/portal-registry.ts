import type { Credentials } from '../docspace/credentials.ts';
import type { AppState, PortalId, PortalStatus, PortalSummary } from '../protocol.ts';
import type { KeyValueStore } from './key-value-store.ts';

/** What is stored about a portal account. Secrets live under their own key so nothing else ever carries them. */
export type PortalRecord = Omit<PortalSummary, 'status'> & { needsSignIn: boolean };

export const STORAGE_KEYS = {
  portals: 'portals',
  activePortalId: 'activePortalId',
  credentials: (id: PortalId) => `credentials/${id}`,
} as const;

export function portalIdOf(origin: string, userId: string): PortalId {
  return `${origin}|${userId}`;
}

/** The list of portals (several from the start, though the first UI shows one) and their credentials. */
export class PortalRegistry {
  private records: PortalRecord[] = [];
  private activeId: PortalId | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: KeyValueStore) {}

  async load(): Promise<void> {
    this.records = (await this.store.get<PortalRecord[]>(STORAGE_KEYS.portals)) ?? [];
    this.activeId = (await this.store.get<PortalId>(STORAGE_KEYS.activePortalId)) ?? null;
    if (this.activeId && !this.records.some((r) => r.id === this.activeId)) this.activeId = this.records[0]?.id ?? null;
  }

  get(id: PortalId): PortalRecord | undefined {
    return this.records.find((record) => record.id === id);
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

  credentials(id: PortalId): Promise<Credentials | undefined> {
    return this.store.get<Credentials>(STORAGE_KEYS.credentials(id));
  }

  /** Adds or replaces an account and makes it the active one; secrets are written before the record that needs them. */
  save(record: PortalRecord, credentials: Credentials): Promise<void> {
    return this.serial(async () => {
      await this.store.set({ [STORAGE_KEYS.credentials(record.id)]: credentials });
      this.records = [...this.records.filter((r) => r.id !== record.id), record];
      this.activeId = record.id;
      await this.store.set({ [STORAGE_KEYS.portals]: this.records, [STORAGE_KEYS.activePortalId]: this.activeId });
    });
  }

  remove(id: PortalId): Promise<void> {
    return this.serial(async () => {
      this.records = this.records.filter((r) => r.id !== id);
      if (this.activeId === id) this.activeId = this.records[0]?.id ?? null;
      await this.store.set({ [STORAGE_KEYS.portals]: this.records, [STORAGE_KEYS.activePortalId]: this.activeId });
      await this.store.remove([STORAGE_KEYS.credentials(id)]);
    });
  }

  /** The portal refused the stored credentials: keep the account (and everything queued) but ask for a new sign-in. */
  markNeedsSignIn(id: PortalId): Promise<boolean> {
    return this.serial(async () => {
      const record = this.get(id);
      if (!record || record.needsSignIn) return false;
      this.records = this.records.map((r) => (r.id === id ? { ...r, needsSignIn: true } : r));
      await this.store.set({ [STORAGE_KEYS.portals]: this.records });
      return true;
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.writes.then(work, work);
    this.writes = next.catch(() => undefined);
    return next;
  }
}
