/**
 * The one contract between the background and the extension's pages (popup, options, later the side panel).
 * Pages send commands and get a reply or an error as data; the background pushes events to open pages.
 * Everything here must survive JSON: ids, strings, numbers, ISO date strings; no Date, Map or Error.
 */
import type { ErrorData } from './errors.ts';

export type { ErrorCode, ErrorData, UserAction } from './errors.ts';

/** `origin|userId`: one portal can hold several accounts, one account can be on several portals. */
export type PortalId = string;
/** DocSpace ids are integers for its own storage and strings for third-party storage. */
export type EntryId = number | string;

export type AuthMethod = 'apiKey' | 'password';
export type PortalStatus = 'signedIn' | 'signInRequired' | 'permissionMissing';

export interface PortalSummary {
  id: PortalId;
  origin: string;
  /** The portal's own name (greeting settings), shown next to the URL. */
  name: string;
  version: string;
  user: { id: string; displayName: string; email: string };
  authMethod: AuthMethod;
  status: PortalStatus;
  addedAt: string;
}

export interface AppState {
  portals: PortalSummary[];
  activePortalId: PortalId | null;
}

export type SectionId = 'rooms' | 'my' | 'recent' | 'favorites' | 'trash';

export interface Crumb {
  id: EntryId;
  title: string;
  folderType: number;
  roomType?: number;
}

export interface FolderEntry {
  kind: 'folder';
  id: EntryId;
  title: string;
  folderType: number;
  /** Present for rooms only (1 form filling, 2 collaboration, 5 custom, 6 public, 8 virtual data room). */
  roomType?: number;
  filesCount: number;
  foldersCount: number;
  updated: string;
  isFavorite: boolean;
  pinned: boolean;
  tags: string[];
}

export interface FileEntry {
  kind: 'file';
  id: EntryId;
  title: string;
  /** DocSpace FileType: 0 unknown, 1 archive, 2 video, 3 audio, 4 image, 5 spreadsheet, 6 presentation, 7 document, 10 pdf, 11 diagram. */
  fileType: number;
  extension: string;
  sizeBytes: number | null;
  updated: string;
  /** Checked by the background to be an http(s) URL on the portal's own origin, or null. */
  webUrl: string | null;
  isFavorite: boolean;
}

export type Entry = FolderEntry | FileEntry;

export interface FolderPage {
  portalId: PortalId;
  folder: Crumb;
  breadcrumbs: Crumb[];
  entries: Entry[];
  startIndex: number;
  total: number;
  /** Where the next page starts, or null when this was the last one. */
  nextStartIndex: number | null;
  /** Served from the background's cache while a fresh copy is fetched (a listingChanged event follows if it differs). */
  cached?: boolean;
}

export interface PageRequest {
  startIndex?: number;
  /** 1..100, as DocSpace allows. */
  count?: number;
}

export interface PortalCheck {
  origin: string;
  name: string;
  version: string;
}

export type SignInRequest =
  | { url: string; method: 'apiKey'; apiKey: string }
  | { url: string; method: 'password'; email: string; password: string };

/** Per-portal overrides of the request limits (what is left out keeps DocSpace's defaults). */
export interface PortalLimits {
  /** Share of each limit the extension may use, 0.05..1 (default 1). */
  safetyMargin?: number;
  /** Multiplies every time window; below 1 only for test portals whose windows are scaled the same way. */
  windowScale?: number;
  requestsPer10s?: number;
  requestsPerMinute?: number;
  concurrentReads?: number;
  concurrentWrites?: number;
  dailyWrites?: number;
  sensitivePer15min?: number;
}

export interface SchedulerEvent {
  at: number;
  kind: 'refused' | 'retry' | 'error';
  status?: number;
  message: string;
}

/** What the background's request scheduler for one portal account is doing, for the Activity view and banners. */
export interface SchedulerSnapshot {
  key: PortalId;
  at: number;
  windows: Array<{
    name: string;
    used: number;
    limit: number;
    windowMs: number;
    /** Of `used`: the extension's requests, the user's DocSpace tabs' (observed), unknown others' (server headers, or assumed after a restart). */
    ours?: number;
    tabs?: number;
    others?: number;
    /** Share of this window the extension allows itself now, 0..1 (lowered after unexplained refusals, AIMD). */
    share?: number;
  }>;
  /** `tabs`: of `inFlight`, requests of the user's DocSpace tabs. */
  concurrency: Record<'read' | 'write', { inFlight: number; cap: number; limit: number; tabs?: number }>;
  dailyWrites: { used: number; limit: number };
  /** `until` is epoch ms; null while waiting for a new sign-in. `requestedUntil`: the server asked for longer (capped). */
  pause: {
    until: number | null;
    reason: 'retryAfter' | 'rateLimitReset' | 'backoff' | 'unauthorized';
    requestedUntil?: number;
  } | null;
  queued: { interactive: number; user: number; bulk: number };
  recent: SchedulerEvent[];
  /** Bulk work keeps the interactive reserve free now (an extension page or a DocSpace tab in use). */
  reserveHeld?: boolean;
}

export type JobStatus = 'running' | 'done' | 'cancelled' | 'failed';

/** A durable background job as the pages see it (the items themselves stay in the background). */
export interface JobSummary {
  id: string;
  kind: 'createFolders';
  portalId: PortalId;
  parentId: EntryId;
  parentTitle: string;
  status: JobStatus;
  total: number;
  done: number;
  skipped: number;
  failed: number;
  /** The first few items that failed, with the portal's reason. */
  failures: Array<{ title: string; message: string }>;
  error?: ErrorData;
  createdAt: string;
  updatedAt: string;
}

/** Command name → request and response. The background must implement every one (see CommandHandlers). */
export interface Commands {
  getState: { request: Record<string, never>; response: AppState };
  checkPortal: { request: { url: string }; response: PortalCheck };
  signIn: { request: SignInRequest; response: PortalSummary };
  signOut: { request: { portalId: PortalId }; response: AppState };
  listRooms: { request: PageRequest & { portalId: PortalId; filterValue?: string }; response: FolderPage };
  listFolder: { request: PageRequest & { portalId: PortalId; folderId: EntryId }; response: FolderPage };
  listSection: {
    request: PageRequest & { portalId: PortalId; section: Exclude<SectionId, 'rooms'> };
    response: FolderPage;
  };
  getActivity: { request: { portalId: PortalId }; response: SchedulerSnapshot | null };
  setLimits: { request: { portalId: PortalId; limits: PortalLimits }; response: PortalLimits };
  createFolders: {
    request: { portalId: PortalId; parentId: EntryId; parentTitle: string; titles: string[] };
    response: JobSummary;
  };
  listJobs: { request: Record<string, never>; response: JobSummary[] };
  cancelJob: { request: { jobId: string }; response: JobSummary };
}

/** Event name → payload, pushed from the background to every open page. */
export interface Events {
  stateChanged: AppState;
  schedulerSnapshot: SchedulerSnapshot;
  jobProgress: JobSummary;
  /** A listing served from the cache was refreshed and differs: a page showing it should load it again. */
  listingChanged: { portalId: PortalId; folderId: EntryId };
}

export type CommandName = keyof Commands;
export type CommandRequest<K extends CommandName> = Commands[K]['request'];
export type CommandResponse<K extends CommandName> = Commands[K]['response'];
export type EventName = keyof Events;

export const COMMAND_NAMES = [
  'getState',
  'checkPortal',
  'signIn',
  'signOut',
  'listRooms',
  'listFolder',
  'listSection',
  'getActivity',
  'setLimits',
  'createFolders',
  'listJobs',
  'cancelJob',
] as const satisfies readonly CommandName[];

// Compile-time check that COMMAND_NAMES lists every command: a missing one makes this `never`-assignment fail.
type MissingCommand = Exclude<CommandName, (typeof COMMAND_NAMES)[number]>;
export const ALL_COMMANDS_LISTED: MissingCommand extends never ? true : never = true;

export interface CommandMessage<K extends CommandName = CommandName> {
  type: 'dpt/command';
  name: K;
  payload: CommandRequest<K>;
}

export type CommandReply<K extends CommandName = CommandName> =
  { ok: true; value: CommandResponse<K> } | { ok: false; error: ErrorData };

export interface EventMessage<K extends EventName = EventName> {
  type: 'dpt/event';
  name: K;
  payload: Events[K];
}

/** Exactly one handler per command; leaving one out is a compile error. */
export type CommandHandlers<Context> = {
  [K in CommandName]: (request: CommandRequest<K>, context: Context) => Promise<CommandResponse<K>>;
};

export const EVENTS_PORT_NAME = 'dpt/events';

export function isCommandMessage(value: unknown): value is CommandMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Partial<CommandMessage>;
  return (
    message.type === 'dpt/command' &&
    typeof message.name === 'string' &&
    (COMMAND_NAMES as readonly string[]).includes(message.name) &&
    typeof message.payload === 'object' &&
    message.payload !== null
  );
}
