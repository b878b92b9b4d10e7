// The audit history of the demo portal: the creation of every seeded room, folder and file (by
// its author, at its creation date), the two later versions of "Q1 launch plan.docx", the room
// memberships of seed-people.ts and the two entries in the Trash.
import { DEMO_USER_ID } from './demo-account.ts';
import { FileType, fileShareName } from './enums.ts';
import { fileTypeOf, opensInEditor } from './file-kinds.ts';
import { HistoryAction, recordEntryEvent, recordFileEvent, recordMemberEvent } from './history/record.ts';
import type { HistoryContext } from './history/record.ts';
import { DEMO_FILES } from './seed-demo-catalog.ts';
import { DEMO_ROOM_MEMBERS } from './seed-people.ts';
import type { SandboxStore } from './store.ts';

export function seedDemoHistory(store: SandboxStore): void {
  const at = (date: Date, userId = DEMO_USER_ID): HistoryContext => ({ store, userId, date });
  const folders = [...store.folders.values()].filter((f) => f.parentId !== 0);
  for (const folder of folders.sort((a, b) => a.created.getTime() - b.created.getTime())) {
    const action = folder.roomType !== undefined ? HistoryAction.RoomCreated : HistoryAction.FolderCreated;
    recordEntryEvent(at(folder.created, folder.createdBy), action, folder);
  }
  for (const file of store.files.values()) {
    // Documents are created in the editor; everything else arrives as an upload.
    const created = opensInEditor(fileTypeOf(file.title)) && fileTypeOf(file.title) !== FileType.Pdf;
    recordFileEvent(
      at(file.created, file.createdBy),
      created ? HistoryAction.FileCreated : HistoryAction.FileUploaded,
      file,
    );
  }
  const versioned = store.getFile(DEMO_FILES.q1LaunchPlan);
  for (const version of versioned?.history?.slice(1) ?? [])
    if (versioned)
      recordFileEvent(at(version.created, version.createdBy), HistoryAction.FileUploadedWithOverwriting, versioned);
  if (versioned)
    recordFileEvent(at(versioned.updated, versioned.updatedBy), HistoryAction.FileUploadedWithOverwriting, versioned);

  for (const share of store.memberShares.values()) {
    const room = store.getFolder(share.entryId);
    if (!room || !DEMO_ROOM_MEMBERS[room.id]) continue;
    const subject = share.subjectType === 2 ? { groupId: share.subjectId } : { userId: share.subjectId };
    const action = share.subjectType === 2 ? HistoryAction.RoomGroupAdded : HistoryAction.RoomCreateUser;
    recordMemberEvent(at(share.created), action, room, subject, fileShareName(share.access));
  }
  for (const entry of [...store.folders.values(), ...store.files.values()]) {
    if (!entry.trash) continue;
    const action = entry.kind === 'file' ? HistoryAction.FileMovedToTrash : HistoryAction.FolderMovedToTrash;
    recordEntryEvent(at(entry.trash.trashedAt), action, entry);
  }
}
