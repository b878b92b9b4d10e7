import * as v from 'valibot';
import type { Crumb, Entry, EntryRef } from './browse.ts';
import type { EntryId, PortalId } from './common.ts';
import { command, entryIdSchema, portalIdSchema, text } from './define.ts';

export const entryRefSchema = v.object({ kind: v.picklist(['file', 'folder']), id: entryIdSchema });
const refs = v.pipe(v.array(entryRefSchema), v.minLength(1), v.maxLength(1_000));
/** An entry to trash, with the folder it is in when that is not the folder on screen (a search result). */
const trashRefs = v.pipe(
  v.array(v.object({ ...entryRefSchema.entries, fromFolderId: v.optional(entryIdSchema) })),
  v.minLength(1),
  v.maxLength(1_000),
);
/** A title as a user types it; the background cleans it the way DocSpace does. */
const title = v.pipe(v.string(), v.minLength(1), v.maxLength(500));

export type NewFileKind = 'document' | 'spreadsheet' | 'presentation' | 'pdfForm';

export interface VersionInfo {
  version: number;
  updated: string;
  author: string;
  sizeBytes: number | null;
}

export interface EntryDetails {
  entry: Entry;
  /** Where it lives, from the section root down to its folder. */
  path: Crumb[];
  created: string;
  createdBy: string;
  updated: string;
  updatedBy: string;
  /** Files: every version, newest first. */
  versions: VersionInfo[];
  lockedBy?: string;
}

/** FileShare levels a link may grant, as DocSpace numbers them. */
export type LinkAccess = 2 | 5 | 6 | 7 | 10;

export interface ShareLinkInfo {
  url: string;
  linkId: string;
  access: number;
  /** ISO date, or null when it never expires. */
  expiresAt: string | null;
  expired: boolean;
  /** What this kind of entry (and room type) lets a link grant. */
  accessLevels: LinkAccess[];
}

export const entriesCommands = {
  renameEntry: command<Entry>()(v.object({ portalId: portalIdSchema, entry: entryRefSchema, title })),
  setFavorite: command<{ changed: number }>()(
    v.object({ portalId: portalIdSchema, entries: refs, favorite: v.boolean() }),
  ),
  pinRoom: command<Entry>()(v.object({ portalId: portalIdSchema, roomId: entryIdSchema, pinned: v.boolean() })),
  createFolder: command<Entry>()(v.object({ portalId: portalIdSchema, parentId: entryIdSchema, title })),
  createFile: command<Entry>()(
    v.object({
      portalId: portalIdSchema,
      parentId: entryIdSchema,
      kind: v.picklist(['document', 'spreadsheet', 'presentation', 'pdfForm']),
      title,
    }),
  ),
  createRoom: command<Entry>()(
    v.object({
      portalId: portalIdSchema,
      title,
      roomType: v.picklist([1, 2, 5, 6, 8]),
      color: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{6}$/i))),
      tags: v.optional(v.pipe(v.array(text(60)), v.maxLength(20))),
    }),
  ),
  /** To the Trash (recoverable); the answer says what an undo puts back, and where. */
  trashEntries: command<{ trashed: Array<{ entry: EntryRef; fromFolderId: EntryId }> }>()(
    v.object({ portalId: portalIdSchema, entries: trashRefs, fromFolderId: entryIdSchema }),
  ),
  /** From the Trash back to where each entry was (or to a given folder). */
  restoreEntries: command<{ restored: number }>()(
    v.object({
      portalId: portalIdSchema,
      items: v.pipe(
        v.array(v.object({ entry: entryRefSchema, toFolderId: entryIdSchema })),
        v.minLength(1),
        v.maxLength(1_000),
      ),
    }),
  ),
  entryDetails: command<EntryDetails>()(v.object({ portalId: portalIdSchema, entry: entryRefSchema })),
  restoreVersion: command<EntryDetails>()(
    v.object({
      portalId: portalIdSchema,
      fileId: entryIdSchema,
      version: v.pipe(v.number(), v.integer(), v.minValue(1)),
    }),
  ),
  shareLink: command<ShareLinkInfo>()(
    v.object({
      portalId: portalIdSchema,
      entry: entryRefSchema,
      /** Change the link: its access level and expiry (null: never). */
      update: v.optional(
        v.object({
          access: v.picklist([2, 5, 6, 7, 10]),
          expiresAt: v.nullable(v.pipe(v.string(), v.isoTimestamp())),
        }),
      ),
    }),
  ),
  /** What a move or copy into a folder would collide with (entries there with the same names). */
  checkConflicts: command<{ conflicts: Array<{ kind: 'file' | 'folder'; id: EntryId; title: string }> }>()(
    v.object({ portalId: portalIdSchema, entries: refs, destFolderId: entryIdSchema }),
  ),
  /** A link that downloads the file (signed by the portal, so the browser needs no sign-in to fetch it). */
  downloadLink: command<{ url: string }>()(v.object({ portalId: portalIdSchema, fileId: entryIdSchema })),
  /** The portal packs the entries into one archive; the background downloads it with the account's sign-in. */
  downloadArchive: command<{ started: true }>()(v.object({ portalId: portalIdSchema, entries: refs })),
};

export interface EntriesEvents {
  /**
   * The one refresh path: something (a job, a write, a refresh that found a difference) changed what these
   * folders hold. The background's cache has already dropped them; a page showing one loads it again.
   */
  entriesChanged: { portalId: PortalId; folderIds: EntryId[] };
}
