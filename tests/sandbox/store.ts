// In-memory portal state: users, credentials, folders, files and per-user marks (favourites, recent).
// Reads are hot (listings), writes rare; every write bumps `version`, and derived data (folder
// statistics, breadcrumbs, serialized DTOs) is cached per version, so readers never see stale data.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { FolderType } from './enums.ts';
import type { RoomType } from './enums.ts';

export interface UserRecord {
  id: string;
  firstName: string;
  lastName: string;
  displayName: string;
  email: string;
  userName: string;
  passwordSalt: string;
  /** sha256(salt + password), hex. Enough for a sandbox; keeps Basic auth cheap per request. */
  passwordSha256: string;
  /** Kept only so the PBKDF2 `passwordHash` login of the web client can be verified. */
  password: string;
  isOwner: boolean;
  isAdmin: boolean;
  cultureName: string;
  registrationDate: Date;
  /** The user's own section folders. */
  sections: UserSections;
  /** Two-factor app enabled: a password login answers {tfa:true, confirmUrl} and needs a code. */
  tfaAppEnabled?: boolean;
}

export interface UserSections {
  my: number;
  trash: number;
  favorites: number;
  recent: number;
  share: number;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  userId: string;
  /** sha256 of the full key, hex. The key itself is never stored (as on the real server). */
  keyHash: string;
  keyPostfix: string;
  /** Empty = full access ("*"). */
  permissions: string[];
  createdOn: Date;
  expiresAt: Date | null;
  isActive: boolean;
  lastUsed: Date | null;
}

export interface SessionRecord {
  token: string;
  userId: string;
  created: Date;
  expires: Date;
}

/** Where a trashed entry came from, for the Trash view's originId/originTitle. */
export interface TrashMark {
  originParentId: number;
  trashedAt: Date;
}

interface EntryBase {
  id: number;
  title: string;
  createdBy: string;
  created: Date;
  updatedBy: string;
  updated: Date;
  trash?: TrashMark;
}

export interface FolderRecord extends EntryBase {
  kind: 'folder';
  /** 0 for section roots. */
  parentId: number;
  folderType: FolderType;
  roomType?: RoomType;
  tags: string[];
  pinned: boolean;
  isPrivate: boolean;
  indexing: boolean;
  denyDownload: boolean;
  mute: boolean;
  shared: boolean;
  color?: string;
}

export interface FileRecord extends EntryBase {
  kind: 'file';
  folderId: number;
  size: number;
  version: number;
  versionGroup: number;
  comment?: string;
  isForm?: boolean;
  /** Uploaded bytes; seeded files have none and get generated content on download. */
  content?: Buffer;
  /** Earlier versions, oldest first (the current one is the record itself). */
  history?: FileVersionRecord[];
}

/** A previous version of a file, as kept for `files/file/{id}/history`. */
export interface FileVersionRecord {
  version: number;
  versionGroup: number;
  title: string;
  size: number;
  createdBy: string;
  created: Date;
  comment?: string;
  content?: Buffer;
}

/** An external (or invitation) link to a file, folder or room (docspace-api.md §8). */
export interface ShareLinkRecord {
  /** Link id (uuid), as `sharedLink.id`. */
  id: string;
  /** The random part of `https://{host}/s/{key}`. */
  key: string;
  entryKind: EntryRecord['kind'];
  entryId: number;
  title: string;
  /** FileShare (int). */
  access: number;
  primary: boolean;
  internal: boolean;
  denyDownload: boolean;
  /** LinkType: 0 invitation, 1 external. */
  linkType: number;
  expirationDate: Date | null;
  password?: string;
  createdBy: string;
  created: Date;
}

/** A room tag in the portal's tag catalogue (files/tags). */
export interface TagRecord {
  name: string;
  createdBy: string;
  created: Date;
}

export type EntryRecord = FolderRecord | FileRecord;

export interface FolderStats {
  /** Recursive counts, as DocSpace's folder totals. */
  filesCount: number;
  foldersCount: number;
  bytes: number;
}

export interface StoreCounts {
  users: number;
  apiKeys: number;
  sessions: number;
  entries: number;
  folders: number;
  files: number;
  rooms: number;
  archivedRooms: number;
  trashed: number;
}

export interface PortalSections {
  rooms: number;
  archive: number;
}

export type Seeder = (store: SandboxStore) => void;

const EMPTY_IDS: readonly number[] = Object.freeze([]);

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function safeEqualHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export class SandboxStore {
  readonly users = new Map<string, UserRecord>();
  readonly apiKeys = new Map<string, ApiKeyRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly folders = new Map<number, FolderRecord>();
  readonly files = new Map<number, FileRecord>();
  /** External links by link id. */
  readonly shareLinks = new Map<string, ShareLinkRecord>();
  /** Custom room tags by lower-cased name (tags in use on rooms are listed too). */
  readonly customTags = new Map<string, TagRecord>();
  portalSections: PortalSections = { rooms: 0, archive: 0 };

  /** Bumped by every write; caches compare against it. */
  version = 0;

  private readonly childFolders = new Map<number, number[]>();
  private readonly childFiles = new Map<number, number[]>();
  private readonly apiKeysByHash = new Map<string, ApiKeyRecord>();
  private readonly favorites = new Map<string, Set<string>>();
  private readonly recent = new Map<string, Map<number, Date>>();
  private nextEntryId = 1;
  private statsCache: { version: number; stats: Map<number, FolderStats> } | null = null;

  constructor(private readonly seeder: Seeder) {
    this.seeder(this);
  }

  /** Back to the seeded state. Issued tokens are gone; seeded API keys (deterministic) still work. */
  reset(): void {
    this.users.clear();
    this.apiKeys.clear();
    this.apiKeysByHash.clear();
    this.sessions.clear();
    this.folders.clear();
    this.files.clear();
    this.childFolders.clear();
    this.childFiles.clear();
    this.favorites.clear();
    this.recent.clear();
    this.shareLinks.clear();
    this.customTags.clear();
    this.nextEntryId = 1;
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

  /** Registers a key given in full (seeded keys) and returns its record. */
  addApiKey(input: {
    id: string;
    name: string;
    userId: string;
    key: string;
    permissions?: string[];
    createdOn: Date;
    expiresAt?: Date | null;
    isActive?: boolean;
  }): ApiKeyRecord {
    const record: ApiKeyRecord = {
      id: input.id,
      name: input.name,
      userId: input.userId,
      keyHash: sha256Hex(input.key),
      keyPostfix: input.key.slice(-4),
      permissions: input.permissions ?? [],
      createdOn: input.createdOn,
      expiresAt: input.expiresAt ?? null,
      isActive: input.isActive ?? true,
      lastUsed: null,
    };
    this.apiKeys.set(record.id, record);
    this.apiKeysByHash.set(record.keyHash, record);
    return record;
  }

  /** Mints a new random key ("sk-" + 64 hex); the full key is returned only here. */
  createApiKey(input: { name: string; userId: string; permissions?: string[]; expiresAt?: Date | null; now: Date }): {
    key: string;
    record: ApiKeyRecord;
  } {
    const key = `sk-${randomBytes(32).toString('hex')}`;
    const record = this.addApiKey({
      id: randomUUID(),
      name: input.name,
      userId: input.userId,
      key,
      permissions: input.permissions ?? [],
      createdOn: input.now,
      expiresAt: input.expiresAt ?? null,
    });
    return { key, record };
  }

  findApiKey(key: string): ApiKeyRecord | undefined {
    return this.apiKeysByHash.get(sha256Hex(key));
  }

  updateApiKey(
    id: string,
    patch: { name?: string; permissions?: string[]; isActive?: boolean },
  ): ApiKeyRecord | undefined {
    const record = this.apiKeys.get(id);
    if (!record) return undefined;
    if (patch.name !== undefined) record.name = patch.name;
    if (patch.permissions !== undefined) record.permissions = patch.permissions;
    if (patch.isActive !== undefined) record.isActive = patch.isActive;
    this.touch();
    return record;
  }

  deleteApiKey(id: string): boolean {
    const record = this.apiKeys.get(id);
    if (!record) return false;
    this.apiKeys.delete(id);
    this.apiKeysByHash.delete(record.keyHash);
    this.touch();
    return true;
  }

  createSession(userId: string, now: Date, lifetimeMs: number): SessionRecord {
    const session: SessionRecord = {
      token: randomBytes(48).toString('base64url'),
      userId,
      created: now,
      expires: new Date(now.getTime() + lifetimeMs),
    };
    this.sessions.set(session.token, session);
    return session;
  }

  findSession(token: string): SessionRecord | undefined {
    return this.sessions.get(token);
  }

  deleteSession(token: string): boolean {
    return this.sessions.delete(token);
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
      this.statsCache = { version: this.version, stats: this.computeStats() };
    }
    return this.statsCache.stats.get(folderId) ?? { filesCount: 0, foldersCount: 0, bytes: 0 };
  }

  private computeStats(): Map<number, FolderStats> {
    const stats = new Map<number, FolderStats>();
    const visit = (folderId: number): FolderStats => {
      const cached = stats.get(folderId);
      if (cached) return cached;
      const own: FolderStats = { filesCount: 0, foldersCount: 0, bytes: 0 };
      for (const fileId of this.childFileIds(folderId)) {
        own.filesCount++;
        own.bytes += this.files.get(fileId)?.size ?? 0;
      }
      for (const childId of this.childFolderIds(folderId)) {
        const child = visit(childId);
        own.foldersCount += 1 + child.foldersCount;
        own.filesCount += child.filesCount;
        own.bytes += child.bytes;
      }
      stats.set(folderId, own);
      return own;
    };
    for (const id of this.folders.keys()) visit(id);
    return stats;
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

  /** Global.GetAvailableTitleAsync: "Name.ext" → "Name (1).ext" → "Name (2).ext" … (folders: no extension split). */
  availableTitle(folderId: number, title: string, kind: EntryRecord['kind']): string {
    const exists = (t: string) =>
      (kind === 'file' ? this.childFileByTitle(folderId, t) : this.childFolderByTitle(folderId, t)) !== undefined;
    if (!exists(title)) return title;
    const dot = kind === 'file' ? title.lastIndexOf('.') : -1;
    const stem = dot > 0 ? title.slice(0, dot) : title;
    const ext = dot > 0 ? title.slice(dot) : '';
    for (let n = 1; ; n++) {
      const candidate = `${stem} (${n})${ext}`;
      if (!exists(candidate)) return candidate;
    }
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
  addFileVersion(
    file: FileRecord,
    next: { size: number; content?: Buffer; comment?: string; userId: string; now: Date },
  ): FileRecord {
    (file.history ??= []).push({
      version: file.version,
      versionGroup: file.versionGroup,
      title: file.title,
      size: file.size,
      createdBy: file.updatedBy,
      created: file.updated,
      ...(file.comment !== undefined ? { comment: file.comment } : {}),
      ...(file.content !== undefined ? { content: file.content } : {}),
    });
    file.version++;
    file.versionGroup++;
    file.size = next.size;
    if (next.content !== undefined) file.content = next.content;
    else delete file.content;
    if (next.comment !== undefined) file.comment = next.comment;
    else delete file.comment;
    file.updatedBy = next.userId;
    file.updated = next.now;
    this.touch();
    return file;
  }

  /** Removes a file for good, with its marks and links. */
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

  // ---- per-user marks ----

  setFavorite(userId: string, kind: EntryRecord['kind'], id: number, favorite: boolean): void {
    let set = this.favorites.get(userId);
    if (!set) this.favorites.set(userId, (set = new Set()));
    if (favorite) set.add(`${kind}:${id}`);
    else set.delete(`${kind}:${id}`);
    this.touch();
  }

  isFavorite(userId: string, kind: EntryRecord['kind'], id: number): boolean {
    return this.favorites.get(userId)?.has(`${kind}:${id}`) ?? false;
  }

  favoriteEntries(userId: string): EntryRecord[] {
    const out: EntryRecord[] = [];
    for (const key of this.favorites.get(userId) ?? []) {
      const [kind, raw] = key.split(':');
      const entry = kind === 'folder' ? this.folders.get(Number(raw)) : this.files.get(Number(raw));
      if (entry && !this.isTrashed(entry)) out.push(entry);
    }
    return out;
  }

  markOpened(userId: string, fileId: number, when: Date): void {
    let map = this.recent.get(userId);
    if (!map) this.recent.set(userId, (map = new Map()));
    map.set(fileId, when);
    this.touch();
  }

  removeRecent(userId: string, fileIds: readonly number[]): void {
    const map = this.recent.get(userId);
    if (!map) return;
    for (const id of fileIds) map.delete(id);
    this.touch();
  }

  lastOpened(userId: string, fileId: number): Date | undefined {
    return this.recent.get(userId)?.get(fileId);
  }

  recentFiles(userId: string): FileRecord[] {
    const out: FileRecord[] = [];
    for (const fileId of this.recent.get(userId)?.keys() ?? []) {
      const file = this.files.get(fileId);
      if (file && !this.isTrashed(file)) out.push(file);
    }
    return out;
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

  counts(): StoreCounts {
    let rooms = 0;
    let archivedRooms = 0;
    let trashed = 0;
    for (const folder of this.folders.values()) {
      if (folder.roomType !== undefined) {
        if (folder.parentId === this.portalSections.archive) archivedRooms++;
        else rooms++;
      }
      if (folder.trash) trashed++;
    }
    for (const file of this.files.values()) if (file.trash) trashed++;
    return {
      users: this.users.size,
      apiKeys: this.apiKeys.size,
      sessions: this.sessions.size,
      entries: this.folders.size + this.files.size,
      folders: this.folders.size,
      files: this.files.size,
      rooms,
      archivedRooms,
      trashed,
    };
  }
}

function pushChild(index: Map<number, number[]>, parentId: number, childId: number): void {
  const list = index.get(parentId);
  if (list) list.push(childId);
  else index.set(parentId, [childId]);
}

function removeChild(index: Map<number, number[]>, parentId: number, childId: number): void {
  const list = index.get(parentId);
  if (!list) return;
  const at = list.indexOf(childId);
  if (at !== -1) list.splice(at, 1);
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
