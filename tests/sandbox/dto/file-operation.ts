// FileOperationDto (FileOperationDtoHelper.GetAsync): {id, Operation (capital O), progress, error,
// processed (string), finished, url?, files?, folders?, status}. Resulting entries are read at
// report time; Delete never lists them; `url` is the archive of a bulk download.
import type { OperationSnapshot } from '../operations/manager.ts';
import { FileOperationType } from '../operations/manager.ts';
import { fileDto, folderDto } from './entries.ts';
import type { DtoScope } from './entries.ts';

export function fileOperationDto(scope: DtoScope, op: OperationSnapshot): Record<string, unknown> {
  let files: Array<Record<string, unknown>> | undefined;
  let folders: Array<Record<string, unknown>> | undefined;
  if (op.type !== FileOperationType.Delete && op.results.length > 0) {
    const folderIds = op.results.filter((r) => r.startsWith('folder_')).map((r) => Number(r.slice(7)));
    const fileIds = op.results.filter((r) => r.startsWith('file_')).map((r) => Number(r.slice(5)));
    if (folderIds.length > 0) {
      folders = [];
      for (const id of folderIds) {
        const folder = scope.store.getFolder(id);
        const dto = folder ? folderDto(scope, folder) : undefined;
        if (dto) folders.push(dto);
      }
    }
    if (fileIds.length > 0) {
      files = [];
      for (const id of fileIds) {
        const file = scope.store.getFile(id);
        const dto = file ? fileDto(scope, file) : undefined;
        if (dto) files.push(dto);
      }
    }
  }
  return {
    id: op.id,
    Operation: op.type,
    progress: op.progress,
    error: op.error,
    processed: op.processed,
    finished: op.finished,
    url: op.url,
    files,
    folders,
    status: op.status,
  };
}
