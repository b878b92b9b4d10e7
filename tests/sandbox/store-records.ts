// The record types the SandboxStore holds. Plain data only (no methods), so persistence can write
// and restore them as they are; the store (store.ts) owns the maps, helpers read them.
import type { FolderType, RoomType } from './enums.ts';

/** EmployeeType of the server (DocSpace admin, room admin, user, guest). The owner is a DocSpace admin. */
export type EmployeeType = 'DocSpaceAdmin' | 'RoomAdmin' | 'User' | 'Guest';

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
  type: EmployeeType;
  /** EmployeeStatus: 1 Active, 2 Terminated (disabled). */
  status: number;
  /** EmployeeActivationStatus: 0 NotActivated, 1 Activated, 2 Pending (invited, not joined yet). */
  activationStatus: number;
  cultureName: string;
  registrationDate: Date;
  /** The user's own section folders. */
  sections: UserSections;
  /** Two-factor app enabled: a password login answers {tfa:true, confirmUrl} and needs a code. */
  tfaAppEnabled?: boolean;
  /** Who invited or created the user (absent for the owner). */
  createdBy?: string;
  title?: string;
  location?: string;
}

export interface UserSections {
  my: number;
  trash: number;
  favorites: number;
  recent: number;
  share: number;
}

/** A portal group (GroupDto): members are user ids, the manager is one of them or absent. */
export interface GroupRecord {
  id: string;
  name: string;
  managerId?: string;
  memberIds: string[];
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
  /** The login event (active connection) the token belongs to; ending it ends the token. */
  loginEventId: number;
}

/** One sign-in, as GET security/activeconnections lists it (DbLoginEvent). */
export interface LoginEventRecord {
  id: number;
  userId: string;
  date: Date;
  ip: string;
  browser: string;
  platform: string;
  mobile: boolean;
  page: string;
  active: boolean;
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

/** A virtual data room's file lifetime (RoomDataLifetimeDto). */
export interface RoomLifetime {
  deletePermanently: boolean;
  /** RoomDataLifetimePeriod: 0 Day, 1 Month, 2 Year. */
  period: number;
  value: number;
  enabled: boolean;
}

/** A virtual data room's watermark (WatermarkDto), kept as sent. */
export interface RoomWatermark {
  additions: number;
  text?: string;
  rotate: number;
  imageScale: number;
  imageUrl?: string;
  imageHeight: number;
  imageWidth: number;
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
  /** The room has an uploaded logo (RoomLogoManager's images under /storage/room_logos/). */
  logo?: boolean;
  lifetime?: RoomLifetime;
  watermark?: RoomWatermark;
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
  /** Locked by this user (PUT files/file/{id}/lock): others may not change the file. */
  lockedBy?: string;
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

/** A user's or group's access to a room, folder or file (a FileShareRecord that is not a link). */
export interface MemberShareRecord {
  entryKind: EntryRecord['kind'];
  entryId: number;
  subjectId: string;
  /** SubjectType: 0 user, 2 group. */
  subjectType: number;
  /** FileShare (int). */
  access: number;
  createdBy: string;
  created: Date;
  /** When an invitation e-mail was last (re)sent to this member. */
  invitedAt?: Date;
}

/** A room tag in the portal's tag catalogue (files/tags). */
export interface TagRecord {
  name: string;
  createdBy: string;
  created: Date;
}

/** One line of `files/file/{id}/log` / `files/folder/{id}/log` (HistoryDto): who did what, when. */
export interface HistoryEventRecord {
  id: number;
  entryKind: EntryRecord['kind'];
  entryId: number;
  /** MessageAction number (e.g. 3001 FileCreated). */
  action: number;
  userId: string;
  date: Date;
  /** The entry and every folder above it (`folder:12`): whose log lists the event (DbFilesAuditReference). */
  refs: string[];
  /** The HistoryData fields of the action (title, parentId, oldTitle, access, …), written as they are. */
  data: Record<string, unknown>;
}

/** A registered OAuth application (ClientResponse of the identity service). */
export interface OAuthClientRecord {
  clientId: string;
  clientSecret: string;
  name: string;
  description: string;
  logo: string;
  websiteUrl: string;
  termsUrl: string;
  policyUrl: string;
  logoutRedirectUri: string;
  redirectUris: string[];
  allowedOrigins: string[];
  scopes: string[];
  /** "client_secret_post", plus "none" when PKCE without a secret is allowed. */
  authenticationMethods: string[];
  isPublic: boolean;
  enabled: boolean;
  createdBy: string;
  createdOn: Date;
  modifiedBy: string;
  modifiedOn: Date;
}

/** Scopes a user has consented to for a client (requireAuthorizationConsent). */
export interface OAuthConsentRecord {
  clientId: string;
  userId: string;
  scopes: string[];
  modifiedOn: Date;
}

/** An issued authorization code, access token or refresh token (OAuth2Authorization). */
export interface OAuthGrantRecord {
  id: string;
  clientId: string;
  userId: string;
  scopes: string[];
  code?: {
    value: string;
    expires: Date;
    used: boolean;
    redirectUri: string;
    challenge?: string;
    method?: string;
    nonce?: string;
  };
  accessTokenId?: string;
  accessTokenExpires?: Date;
  refreshToken?: { value: string; expires: Date };
  /** The client authenticated with a secret (only such grants get refresh tokens). */
  confidential: boolean;
  revoked: boolean;
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
