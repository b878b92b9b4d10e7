// A file as it was at an earlier version (files/file/{id}/history, ?version=N, filehandler &version=N):
// the current record with the old version's title, size, author, date, comment and bytes.
import type { FileRecord } from './store.ts';

/** The file at `version` (the record itself for the current one); undefined when there is no such version. */
export function fileAtVersion(file: FileRecord, version: number): FileRecord | undefined {
  if (version === file.version) return file;
  const old = file.history?.find((v) => v.version === version);
  if (!old) return undefined;
  const { content: _content, comment: _comment, history: _history, ...current } = file;
  return {
    ...current,
    title: old.title,
    version: old.version,
    versionGroup: old.versionGroup,
    size: old.size,
    updated: old.created,
    updatedBy: old.createdBy,
    ...(old.comment !== undefined ? { comment: old.comment } : {}),
    ...(old.content !== undefined ? { content: old.content } : {}),
  };
}

/** Every version, newest first (GetFileHistoryAsync order). */
export function allVersions(file: FileRecord): FileRecord[] {
  const older = [...(file.history ?? [])].reverse().map((v) => fileAtVersion(file, v.version));
  return [file, ...older.filter((f): f is FileRecord => f !== undefined)];
}
