// What writes leave in the audit history (HistoryService.TrackedActions): the action, who, when,
// and the data its interpreter shows (FileData, EntryData, RenameEntryData, FileOperationData,
// UserHistoryData, GroupHistoryData, TagData), computed when it happens, as the server stores the
// titles of the moment in the event's description. URLs and people are resolved when the log is
// read (history/dto.ts): `viewUrlFileId`, `userId`, `groupId` stand for them here. The event is
// referenced by the entry and every folder above it, so a folder's or room's log lists what
// happened inside it too.
import { FileType } from '../enums.ts';
import { fileTypeOf, opensInEditor } from '../file-kinds.ts';
import type { SandboxStore } from '../store.ts';
import type { EntryRecord, FileRecord, FolderRecord } from '../store-records.ts';

/** MessageAction numbers of the tracked actions. */
export const HistoryAction = {
  FileCreated: 5000,
  FileRenamed: 5001,
  FileLocked: 5006,
  FileUnlocked: 5007,
  FileUploaded: 5011,
  FileCopied: 5013,
  FileMoved: 5015,
  FileMovedToTrash: 5017,
  FileDeleted: 5018,
  FolderCreated: 5019,
  FolderRenamed: 5020,
  FolderCopied: 5022,
  FolderMoved: 5024,
  FolderMovedToTrash: 5026,
  FolderDeleted: 5027,
  UserFileUpdated: 5034,
  FileConverted: 5035,
  FileRestoreVersion: 5044,
  RoomCreated: 5070,
  RoomRenamed: 5071,
  RoomArchived: 5072,
  RoomUnarchived: 5073,
  RoomUpdateAccessForUser: 5075,
  AddedRoomTags: 5078,
  DeletedRoomTags: 5079,
  RoomRemoveUser: 5084,
  RoomCreateUser: 5085,
  RoomExternalLinkCreated: 5088,
  RoomGroupAdded: 5094,
  RoomUpdateAccessForGroup: 5095,
  RoomGroupRemove: 5096,
  FileUploadedWithOverwriting: 5099,
  RoomCopied: 5100,
  RoomInviteResend: 5118,
} as const;
export type HistoryActionCode = (typeof HistoryAction)[keyof typeof HistoryAction];

/** ActionInterpreter aliases: some actions are shown as another one. */
export const ACTION_ALIASES: Readonly<Record<number, number>> = {
  [HistoryAction.FileRestoreVersion]: HistoryAction.UserFileUpdated,
  [HistoryAction.FileUploadedWithOverwriting]: HistoryAction.UserFileUpdated,
};

export function actionName(code: number): string {
  return Object.entries(HistoryAction).find(([, v]) => v === code)?.[0] ?? 'None';
}

/** FileActionInterpreterBase.GetAccessibility (CanConvert is not one of its cases: false). */
function accessibility(title: string): Record<string, boolean> {
  const type = fileTypeOf(title);
  const editor = opensInEditor(type);
  return {
    ImageView: type === FileType.Image,
    MediaView: type === FileType.Video || type === FileType.Audio,
    WebView: editor,
    WebEdit: editor,
    WebReview: type === FileType.Document,
    WebCustomFilterEditing: type === FileType.Spreadsheet,
    WebRestrictedEditing: type === FileType.Pdf,
    WebComment: editor,
    CanConvert: false,
    MustConvert: false,
  };
}

function parentOf(store: SandboxStore, entry: EntryRecord): FolderRecord | undefined {
  return store.getFolder(entry.kind === 'file' ? entry.folderId : entry.parentId);
}

function refsOf(store: SandboxStore, entry: EntryRecord): string[] {
  const refs = [`${entry.kind}:${entry.id}`];
  let parent = parentOf(store, entry);
  for (let guard = 0; parent && guard < 64; guard++) {
    refs.push(`folder:${parent.id}`);
    parent = parent.parentId === 0 ? undefined : store.getFolder(parent.parentId);
  }
  return refs;
}

function parentFields(store: SandboxStore, entry: EntryRecord): Record<string, unknown> {
  const parent = parentOf(store, entry);
  return parent ? { parentTitle: parent.title, parentId: parent.id, parentType: parent.folderType } : {};
}

export interface HistoryContext {
  store: SandboxStore;
  userId: string;
  date: Date;
}

function add(h: HistoryContext, action: number, entry: EntryRecord, data: Record<string, unknown>): void {
  h.store.addHistory({
    entryKind: entry.kind,
    entryId: entry.id,
    action,
    userId: h.userId,
    date: h.date,
    refs: refsOf(h.store, entry),
    data,
  });
}

/** FileCreated, FileUploaded, UserFileUpdated, FileLocked/Unlocked, FileConverted, FileRestoreVersion, FileUploadedWithOverwriting. */
export function recordFileEvent(h: HistoryContext, action: number, file: FileRecord): void {
  add(h, action, file, {
    accessibility: accessibility(file.title),
    viewUrlFileId: action === HistoryAction.FileCreated ? undefined : file.id,
    title: file.title,
    ...parentFields(h.store, file),
    id: file.id,
  });
}

/** FolderCreated, RoomCreated, RoomArchived/Unarchived, FolderMovedToTrash, FileMovedToTrash, FileDeleted. */
export function recordEntryEvent(h: HistoryContext, action: number, entry: EntryRecord): void {
  const room = entry.kind === 'folder' && entry.roomType !== undefined;
  add(h, action, entry, {
    title: entry.title,
    ...(room ? {} : parentFields(h.store, entry)),
    type: entry.kind === 'folder' && !room && action === HistoryAction.FolderCreated ? entry.folderType : undefined,
    id: entry.id,
  });
}

/** FileRenamed, FolderRenamed, RoomRenamed. */
export function recordRename(h: HistoryContext, entry: EntryRecord, oldTitle: string): void {
  const room = entry.kind === 'folder' && entry.roomType !== undefined;
  const action =
    entry.kind === 'file' ? HistoryAction.FileRenamed : room ? HistoryAction.RoomRenamed : HistoryAction.FolderRenamed;
  add(h, action, entry, {
    ...(entry.kind === 'file' ? { accessibility: accessibility(entry.title), viewUrlFileId: entry.id } : {}),
    oldTitle,
    newTitle: entry.title,
    ...(room ? {} : parentFields(h.store, entry)),
    id: entry.id,
  });
}

/** FileMoved/Copied, FolderMoved/Copied: recorded after the entry arrived at its destination. */
export function recordTransfer(h: HistoryContext, action: number, entry: EntryRecord, from: FolderRecord): void {
  const to = parentOf(h.store, entry);
  add(h, action, entry, {
    ...(entry.kind === 'file' ? { accessibility: accessibility(entry.title), viewUrlFileId: entry.id } : {}),
    title: entry.title,
    toFolderId: String(to?.id ?? ''),
    parentTitle: to?.title,
    parentType: to?.folderType,
    fromParentTitle: from.title,
    fromParentType: from.folderType,
    fromFolderId: from.id,
    id: entry.id,
  });
}

/** RoomCreateUser / RoomUpdateAccessForUser / RoomRemoveUser / RoomInviteResend (and the group ones). */
export function recordMemberEvent(
  h: HistoryContext,
  action: number,
  room: FolderRecord,
  subject: { userId?: string; groupId?: string },
  access?: string,
  oldAccess?: string,
): void {
  add(h, action, room, {
    ...(subject.groupId ? { groupId: subject.groupId } : { userId: subject.userId }),
    access,
    oldAccess,
  });
}

/** AddedRoomTags / DeletedRoomTags. */
export function recordTags(h: HistoryContext, action: number, room: FolderRecord, tags: string[]): void {
  add(h, action, room, { tags });
}
