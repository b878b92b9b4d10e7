import type { EntryId, EntryRef, JobResult } from '../protocol/index.ts';

/** More than this and Undo is not offered: a summary stays small, and so does the trash operation. */
export const MAX_UNDO_ENTRIES = 200;

/**
 * The result most kinds have: the one entry made opens itself, several open the folder they went into. `undoable`
 * false: what the job touched was not only made by it (a move, a new version), so nothing may be trashed.
 */
export function resultIn(folderId: EntryId, made: EntryRef[], undoable: boolean): JobResult {
  const result: JobResult = { open: made.length === 1 ? made[0]! : { kind: 'folder', id: folderId } };
  if (undoable && made.length > 0 && made.length <= MAX_UNDO_ENTRIES) result.made = made;
  return result;
}
