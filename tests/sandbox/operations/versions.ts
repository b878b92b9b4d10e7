// Versions and locks (EntryManager.UpdateToVersionFileAsync, FileStorageService.LockFileAsync):
// restoring version N stores it again as a new version (comment "Restored from the revision of
// …"), the title keeping the current name with the restored version's extension; a lock is a tag
// owned by the user who set it, and nobody else may change the file while it is there.
import { ApiError, argumentError, fileNotFound, invalidOperation } from '../errors.ts';
import { fileAtVersion } from '../file-versions.ts';
import { fileBytes } from '../file-content.ts';
import { extensionOf } from '../file-kinds.ts';
import { replaceExtension } from '../file-formats.ts';
import { HistoryAction, recordFileEvent } from '../history/record.ts';
import { PORTAL } from '../portal-config.ts';
import type { FileRecord } from '../store.ts';
import { areaOfEntry, historyOf } from './actions.ts';
import type { Actor } from './actions.ts';

export const LOCKED_FILE = 'The file is currently locked by another user';
const TRASH_ITEM = 'You are not allowed to preview the elements in the Trash';
const EDIT_FILE = 'You do not have enough permissions to edit the file';

/** LockerManager.FileLockedForMeAsync. */
export function lockedForMe(file: FileRecord, userId: string): boolean {
  return file.lockedBy !== undefined && file.lockedBy !== userId;
}

export function checkNotLockedForMe(file: FileRecord, userId: string): void {
  if (lockedForMe(file, userId)) throw invalidOperation(LOCKED_FILE);
}

/** DateTime.ToString("g") in en-US, portal time: "3/1/2026 9:05 AM" (File.ModifiedOnString). */
export function generalDate(d: Date): string {
  const local = new Date(d.getTime() + PORTAL.utcOffsetMinutes * 60_000);
  const hours = local.getUTCHours();
  const minutes = String(local.getUTCMinutes()).padStart(2, '0');
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${local.getUTCMonth() + 1}/${local.getUTCDate()}/${local.getUTCFullYear()} ${h12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** The server wraps these as a plain Exception: a 500 with the message. */
function plainException(message: string): ApiError {
  return new ApiError(500, message, 'System.Exception');
}

export function restoreVersion(actor: Actor, file: FileRecord, version: number): FileRecord {
  const { store } = actor;
  if (version < 1) throw argumentError("Value cannot be null. (Parameter 'version')");
  if (version === file.version) throw argumentError('The new version cannot be the same as the current one');
  const source = fileAtVersion(file, Math.min(file.version, version));
  if (!source) throw fileNotFound();
  const area = areaOfEntry(store, file);
  if (area === 'archive') throw new ApiError(403, 'Access denied', 'System.Security.SecurityException');
  if (lockedForMe(file, actor.user.id)) throw plainException(LOCKED_FILE);
  if (area === 'trash') throw plainException(TRASH_ITEM);
  const bytes = fileBytes(source);
  store.addFileVersion(file, {
    size: source.size,
    ...(source.content !== undefined || file.content !== undefined ? { content: Buffer.from(bytes) } : {}),
    comment: `Restored from the revision of ${generalDate(source.updated)}`,
    userId: actor.user.id,
    now: actor.now,
    title: extensionOf(source.title) ? replaceExtension(file.title, extensionOf(source.title)) : file.title,
  });
  recordFileEvent(historyOf(actor), HistoryAction.FileRestoreVersion, file);
  return file;
}

export function setLock(actor: Actor, file: FileRecord, lock: boolean): FileRecord {
  const area = areaOfEntry(actor.store, file);
  if (area === 'trash') throw invalidOperation(TRASH_ITEM);
  if (area !== 'live') throw invalidOperation(EDIT_FILE);
  if (lock) {
    if (file.lockedBy === undefined) {
      file.lockedBy = actor.user.id;
      recordFileEvent(historyOf(actor), HistoryAction.FileLocked, file);
    }
  } else {
    if (file.lockedBy !== undefined) {
      delete file.lockedBy;
      recordFileEvent(historyOf(actor), HistoryAction.FileUnlocked, file);
    }
    // UpdateCommentAsync(file, version, UnlockComment), whether or not it was locked.
    file.comment = 'The file is unlocked';
  }
  actor.store.touch();
  return file;
}
