// The `security` map (FilesSecurityActions name -> bool) and the caller's `access` (FileShare) for
// the single sandbox user, who owns the portal: full rights on live entries, restore/delete in the
// Trash, read/download in the Archive, read-only virtual sections.
import { FileType, FolderType } from '../enums.ts';
import type { FileRecord, FolderRecord } from '../store.ts';
import { fileTypeOf } from '../file-kinds.ts';

export type Area = 'live' | 'trash' | 'archive';

export function areaOf(rootType: number): Area {
  if (rootType === FolderType.TRASH) return 'trash';
  if (rootType === FolderType.Archive) return 'archive';
  return 'live';
}

export function fileSecurity(file: FileRecord, area: Area): Record<string, boolean> {
  const type = fileTypeOf(file.title);
  const live = area === 'live';
  const editable =
    live &&
    (type === FileType.Document ||
      type === FileType.Spreadsheet ||
      type === FileType.Presentation ||
      type === FileType.Pdf);
  const form = live && type === FileType.Pdf && file.isForm === true;
  return {
    Read: area !== 'trash',
    Comment: editable,
    FillForms: form,
    Review: editable && type === FileType.Document,
    Edit: editable,
    Delete: area !== 'archive',
    CustomFilter: editable && type === FileType.Spreadsheet,
    Rename: live,
    ReadHistory: live,
    Lock: live,
    EditHistory: editable,
    Copy: area !== 'trash',
    Move: area !== 'archive',
    Duplicate: live,
    SubmitToFormGallery: false,
    Download: area !== 'trash',
    Convert: editable,
    CopyLink: live,
    Embed: live,
    StartFilling: form,
    FillingStatus: form,
    ResetFilling: false,
    StopFilling: false,
    OpenForm: form,
  };
}

export function folderSecurity(folder: FolderRecord, area: Area): Record<string, boolean> {
  if (folder.parentId === 0) return sectionSecurity(folder.folderType);
  const live = area === 'live';
  const room = folder.roomType !== undefined;
  return {
    Read: area !== 'trash',
    Create: live,
    Delete: true,
    EditRoom: room && live,
    Rename: live,
    CopyTo: live,
    Copy: area !== 'trash',
    MoveTo: live,
    Move: true,
    Pin: room && live,
    Mute: room,
    EditAccess: room && live,
    Duplicate: live,
    Download: area !== 'trash',
    CopySharedLink: live,
    Reconnect: false,
    CreateRoomFrom: live && !room,
    CopyLink: live,
    Embed: live && room,
    ChangeOwner: room && live,
    IndexExport: room && live && folder.roomType === 8,
  };
}

function sectionSecurity(folderType: number): Record<string, boolean> {
  const create = folderType === FolderType.USER || folderType === FolderType.VirtualRooms;
  return {
    Read: true,
    Create: create,
    Delete: folderType === FolderType.TRASH,
    EditRoom: false,
    Rename: false,
    CopyTo: create,
    Copy: false,
    MoveTo: create,
    Move: false,
    Pin: false,
    Mute: false,
    EditAccess: false,
    Duplicate: false,
    Download: false,
    CopySharedLink: false,
    Reconnect: false,
    CreateRoomFrom: false,
    CopyLink: false,
    Embed: false,
    ChangeOwner: false,
    IndexExport: false,
  };
}
