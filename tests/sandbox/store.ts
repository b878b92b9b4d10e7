// In-memory portal state: users, groups, credentials, sign-ins, folders, files, shares, per-user
// marks (favourites, recent), the audit history and the OAuth registry. The one state holder:
// record types live in store-records.ts, pure helpers in store-helpers.ts, and route modules
// change the state through the methods below or the public maps (then call touch()).
// Reads are hot (listings), writes rare; every write bumps `version`, and derived data (folder
// statistics, breadcrumbs, serialized DTOs) is cached per version, so readers never see stale data.
import { randomBytes } from 'node:crypto';
import { FolderType } from './enums.ts';
import {
  computeFolderStats,
  EMPTY_IDS,
  isDefined,
  nextAvailableTitle,
  pushChild,
  pushVersion,
  removeChild,
  safeEqualHex,
  sha256Hex,
} from './store-helpers.ts';
import type { NextVersion } from './store-helpers.ts';
import type {
  ApiKeyRecord,
  EntryRecord,
  FileRecord,
  FolderRecord,
  FolderStats,
  GroupRecord,
  HistoryEventRecord,
  LoginEventRecord,
  MemberShareRecord,
  OAuthClientRecord,
  OAuthConsentRecord,
  OAuthGrantRecord,
  PortalSections,
  SessionRecord,
  ShareLinkRecord,
  TagRecord,
  UserRecord,
} from './store-records.ts';

export type * from './store-records.ts';
export { sha256Hex } from './store-helpers.ts';

export type Seeder = (store: SandboxStore) => void;

/** The ES256 key that signs OAuth access tokens (created on first use, kept with the store). */
export interface SigningKey {
  kid: string;
  privateJwk: Record<string, string>;
}

export class SandboxStore {
  readonly users = new Map<string, UserRecord>();
  readonly groups = new Map<string, GroupRecord>();
  readonly apiKeys = new Map<string, ApiKeyRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly loginEvents = new Map<number, LoginEventRecord>();
  readonly folders = new Map<number, FolderRecord>();
  readonly files = new Map<number, FileRecord>();
  /** External links by link id. */
  readonly shareLinks = new Map<string, ShareLinkRecord>();
  /** User and group access to entries, by `kind:entryId:subjectId`. */
  readonly memberShares = new Map<string, MemberShareRecord>();
  /** Custom room tags by lower-cased name (tags in use on rooms are listed too). */
  readonly customTags = new Map<string, TagRecord>();
  /** What was done to files and folders, oldest first (files/file/{id}/log). */
  readonly historyEvents: HistoryEventRecord[] = [];
  readonly oauthClients = new Map<string, OAuthClientRecord>();
  /** By `clientId:userId`. */
  readonly oauthConsents = new Map<string, OAuthConsentRecord>();
  readonly oauthGrants = new Map<string, OAuthGrantRecord>();
  /** Favourites per user id, as `file:ID` / `folder:ID`. */
  readonly favorites = new Map<string, Set<string>>();
  /** Recently opened files per user id, with when. */
  readonly recent = new Map<string, Map<number, Date>>();
  oauthSigningKey: SigningKey | null = null;
  portalSections: PortalSections = { rooms: 0, archive: 0 };

  /** Bumped by every write; caches compare against it. */
  version = 0;

  private readonly childFolders = new Map<number, number[]>();
  private readonly childFiles = new Map<number, number[]>();
  private nextEntryId = 1;
  private nextLoginEventId = 1;
  private nextHistoryId = 1;
  private statsCache: { version: number; stats: Map<number, FolderStats> } | null = null;

  constructor(private readonly seeder: Seeder) {
    this.seeder(this);
  }

  /** Back to the seeded state. Issued tokens are gone; seeded API keys (deterministic) still work. */
  reset(): void {
    for (const value of Object.values(this) as unknown[]) {
      if (value instanceof Map || value instanceof Set) value.clear();
      else if (Array.isArray(value)) value.length = 0;
    }
    this.nextEntryId = 1;
    this.nextLoginEventId = 1;
    this.nextHistoryId = 1;
    this.oauthSigningKey = null;
    this.portalSections = { rooms: 0, archive: 0 };
    this.statsCache = null;
    this.seeder(this);
    this.touch();
  }

  touch(): void {
    this.version++;
  }

  // ---- users and credentials ----

  addUser(user: Omit<UserRecord, 'passwordSalt' | 'passwordSha256'>): UserRecord {
    const passwordSalt = randomBytes(8).toString('hex');
    const record: UserRecord = { ...user, passwordSalt, passwordSha256: sha256Hex(passwordSalt + user.password) };
    this.users.set(record.id, record);
    this.touch();
    return record;
  }

  findUserByLogin(login: string): UserRecord | undefined {
    const wanted = login.trim().toLowerCase();
    if (!wanted) return undefined;
    for (const user of this.users.values()) {
      if (user.email.toLowerCase() === wanted || user.userName.toLowerCase() === wanted) return user;
    }
    return undefined;
  }

  checkPassword(user: UserRecord, password: string): boolean {
    return safeEqualHex(sha256Hex(user.passwordSalt + password), user.passwordSha256);
  }

  addGroup(group: GroupRecord): GroupRecord {
    this.groups.set(group.id, group);
    this.touch();
    return group;
  }

  /** A sign-in: records the login event (an active connection) and issues its session token. */
  createSession(
    userId: string,
    now: Date,
    lifetimeMs: number,
    client: Omit<LoginEventRecord, 'id' | 'userId' | 'date' | 'active'>,
  ): SessionRecord {
    const event: LoginEventRecord = { id: this.nextLoginEventId++, userId, date: now, active: true, ...client };
    this.loginEvents.set(event.id, event);
    const session: SessionRecord = {
      token: randomBytes(48).toString('base64url'),
      userId,
      created: now,
      expires: new Date(now.getTime() + lifetimeMs),
      loginEventId: event.id,
    };
    this.sessions.set(session.token, session);
    this.touch();
    return session;
  }

  /** A token that exists, has not expired and whose login event is still active. */
  findSession(token: string, now: Date): SessionRecord | undefined {
    const session = this.sessions.get(token);
    if (!session || session.expires <= now) return undefined;
    return this.loginEvents.get(session.loginEventId)?.active ? session : undefined;
  }

  /** DbLoginEventsManager.LogOutEventAsync: the connection ends, and every token of it with it. */
  endLoginEvent(id: number): boolean {
    const event = this.loginEvents.get(id);
    if (!event?.active) return false;
    event.active = false;
    for (const [token, session] of this.sessions) if (session.loginEventId === id) this.sessions.delete(token);
    this.touch();
    return true;
  }

  addHistory(event: Omit<HistoryEventRecord, 'id'>): HistoryEventRecord {
    const record = { ...event, id: this.nextHistoryId++ };
    this.historyEvents.push(record);
    this.touch();
    return record;
  }

  // ---- entries ----

  allocateId(): number {
    return this.nextEntryId++;
  }

  /** Seeds may pick ids; later allocations continue above the highest one. */
  private claimId(id: number | undefined): number {
    if (id === undefined) return this.allocateId();
    if (this.folders.has(id) || this.files.has(id)) throw new Error(`Entry id ${id} is already taken`);
    if (id >= this.nextEntryId) this.nextEntryId = id + 1;
    return id;
  }

  addFolder(input: Omit<FolderRecord, 'kind' | 'id'> & { id?: number }): FolderRecord {
    const record: FolderRecord = { ...input, kind: 'folder', id: this.claimId(input.id) };
    this.folders.set(record.id, record);
    if (record.parentId !== 0) pushChild(this.childFolders, record.parentId, record.id);
    this.touch();
    return record;
  }

  addFile(input: Omit<FileRecord, 'kind' | 'id'> & { id?: number }): FileRecord {
    const record: FileRecord = { ...input, kind: 'file', id: this.claimId(input.id) };
    this.files.set(record.id, record);
    pushChild(this.childFiles, record.folderId, record.id);
    this.touch();
    return record;
  }

  getFolder(id: number): FolderRecord | undefined {
    return this.folders.get(id);
  }

  getFile(id: number): FileRecord | undefined {
    return this.files.get(id);
  }

  childFolderIds(folderId: number): readonly number[] {
    return this.childFolders.get(folderId) ?? EMPTY_IDS;
  }

  childFileIds(folderId: number): readonly number[] {
    return this.childFiles.get(folderId) ?? EMPTY_IDS;
  }

  childFoldersOf(folderId: number): FolderRecord[] {
    return this.childFolderIds(folderId)
      .map((id) => this.folders.get(id))
      .filter(isDefined);
  }

  childFilesOf(folderId: number): FileRecord[] {
    return this.childFileIds(folderId)
      .map((id) => this.files.get(id))
      .filter(isDefined);
  }

  /** Recursive file/folder counts and byte totals, recomputed once per store version. */
  folderStats(folderId: number): FolderStats {
    if (!this.statsCache || this.statsCache.version !== this.version) {
      const stats = computeFolderStats({
        folderIds: () => this.folders.keys(),
        childFileIds: (id) => this.childFileIds(id),
        childFolderIds: (id) => this.childFolderIds(id),
        fileSize: (id) => this.files.get(id)?.size ?? 0,
      });
      this.statsCache = { version: this.version, stats };
    }
    return this.statsCache.stats.get(folderId) ?? { filesCount: 0, foldersCount: 0, bytes: 0 };
  }

  // ---- entry writes (every one bumps `version`) ----

  /** A direct child of `folderId` with this title (case-insensitive, as the database collation). */
  childFileByTitle(folderId: number, title: string): FileRecord | undefined {
    const wanted = title.toLowerCase();
    return this.childFilesOf(folderId).find((f) => f.title.toLowerCase() === wanted);
  }

  childFolderByTitle(folderId: number, title: string): FolderRecord | undefined {
    const wanted = title.toLowerCase();
    return this.childFoldersOf(folderId).find((f) => f.title.toLowerCase() === wanted);
  }

  availableTitle(folderId: number, title: string, kind: EntryRecord['kind']): string {
    return nextAvailableTitle(title, kind, (t) =>
      kind === 'file'
        ? this.childFileByTitle(folderId, t) !== undefined
        : this.childFolderByTitle(folderId, t) !== undefined,
    );
  }

  /** Sets title/updated/updatedBy (and any other fields) of an entry. */
  updateEntry<T extends EntryRecord>(entry: T, patch: Partial<Omit<T, 'id' | 'kind'>>, userId: string, now: Date): T {
    Object.assign(entry, patch, { updatedBy: userId, updated: now });
    this.touch();
    return entry;
  }

  moveFolder(folder: FolderRecord, parentId: number): void {
    if (folder.parentId !== 0) removeChild(this.childFolders, folder.parentId, folder.id);
    folder.parentId = parentId;
    if (parentId !== 0) pushChild(this.childFolders, parentId, folder.id);
    this.touch();
  }

  moveFile(file: FileRecord, folderId: number): void {
    removeChild(this.childFiles, file.folderId, file.id);
    file.folderId = folderId;
    pushChild(this.childFiles, folderId, file.id);
    this.touch();
  }

  /** Makes the current content an old version and sets new content (Overwrite, upload of a new version). */
  addFileVersion(file: FileRecord, next: NextVersion): FileRecord {
    pushVersion(file, next);
    this.touch();
    return file;
  }

  /** Removes a file for good, with its marks, links and shares. */
  deleteFile(id: number): boolean {
    const file = this.files.get(id);
    if (!file) return false;
    this.files.delete(id);
    removeChild(this.childFiles, file.folderId, id);
    this.forgetEntry('file', id);
    this.touch();
    return true;
  }

  /** Removes a folder and everything below it for good. */
  deleteFolderTree(id: number): boolean {
    const folder = this.folders.get(id);
    if (!folder) return false;
    for (const childId of [...this.childFolderIds(id)]) this.deleteFolderTree(childId);
    for (const fileId of [...this.childFileIds(id)]) this.deleteFile(fileId);
    this.folders.delete(id);
    this.childFolders.delete(id);
    this.childFiles.delete(id);
    if (folder.parentId !== 0) removeChild(this.childFolders, folder.parentId, id);
    this.forgetEntry('folder', id);
    this.touch();
    return true;
  }

  private forgetEntry(kind: EntryRecord['kind'], id: number): void {
    for (const set of this.favorites.values()) set.delete(`${kind}:${id}`);
    if (kind === 'file') for (const map of this.recent.values()) map.delete(id);
    for (const [linkId, link] of this.shareLinks)
      if (link.entryKind === kind && link.entryId === id) this.shareLinks.delete(linkId);
    for (const [key, share] of this.memberShares)
      if (share.entryKind === kind && share.entryId === id) this.memberShares.delete(key);
  }

  /** Every folder and file below `folderId` (not the folder itself), depth first. */
  descendants(folderId: number): EntryRecord[] {
    const out: EntryRecord[] = [];
    const visit = (id: number): void => {
      for (const child of this.childFoldersOf(id)) {
        out.push(child);
        visit(child.id);
      }
      out.push(...this.childFilesOf(id));
    };
    visit(folderId);
    return out;
  }

  // ---- share links and tags ----

  addShareLink(link: ShareLinkRecord): ShareLinkRecord {
    this.shareLinks.set(link.id, link);
    this.touch();
    return link;
  }

  findShareLinkByKey(key: string): ShareLinkRecord | undefined {
    for (const link of this.shareLinks.values()) if (link.key === key) return link;
    return undefined;
  }

  linksOf(kind: EntryRecord['kind'], id: number): ShareLinkRecord[] {
    return [...this.shareLinks.values()].filter((l) => l.entryKind === kind && l.entryId === id);
  }

  deleteShareLink(id: string): boolean {
    const deleted = this.shareLinks.delete(id);
    if (deleted) this.touch();
    return deleted;
  }

  addCustomTag(name: string, userId: string, now: Date): TagRecord {
    const key = name.toLowerCase();
    let tag = this.customTags.get(key);
    if (!tag) {
      tag = { name, createdBy: userId, created: now };
      this.customTags.set(key, tag);
      this.touch();
    }
    return tag;
  }

  deleteCustomTag(name: string): boolean {
    const deleted = this.customTags.delete(name.toLowerCase());
    if (deleted) this.touch();
    return deleted;
  }

  /** True when the entry or one of its ancestors sits in a Trash section. */
  isTrashed(entry: EntryRecord): boolean {
    let parentId = entry.kind === 'file' ? entry.folderId : entry.parentId;
    for (let guard = 0; parentId !== 0 && guard < 64; guard++) {
      const parent = this.folders.get(parentId);
      if (!parent) return false;
      if (parent.folderType === FolderType.TRASH) return true;
      parentId = parent.parentId;
    }
    return false;
  }
}
