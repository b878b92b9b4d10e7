// PUT files/fileops/bulkdownload: a Download operation that builds the archive (or passes a single
// file through) and leaves its link in the operation's `url` (filehandler.ashx?action=bulk).
import { randomBytes } from 'node:crypto';
import { readJsonBody } from '../body.ts';
import { accessDenied, invalidOperation } from '../errors.ts';
import { fileBytes } from '../file-content.ts';
import { areaOfEntry, MESSAGES } from '../operations/actions.ts';
import { FileOperationType } from '../operations/manager.ts';
import type { OperationUnit } from '../operations/manager.ts';
import { buildZip } from '../operations/zip.ts';
import type { ZipEntry } from '../operations/zip.ts';
import { PORTAL } from '../portal-config.ts';
import type { RequestContext } from '../context.ts';
import type { Router } from '../router.ts';
import type { FileRecord, FolderRecord } from '../store.ts';
import { API, currentUser } from './common.ts';
import { progressSteps, reply, resolveEntries } from './operation-units.ts';
import type { BulkArchive, OperationRoutesDeps } from './operation-units.ts';

/** Paths inside a bulk-download archive: folder titles as directories. */
function zipEntries(ctx: RequestContext, folders: FolderRecord[], files: FileRecord[]): ZipEntry[] {
  const out: ZipEntry[] = [];
  const used = new Set<string>();
  const add = (path: string, file: FileRecord) => {
    let name = path;
    for (let n = 1; used.has(name.toLowerCase()); n++) {
      const dot = path.lastIndexOf('.');
      name = dot > path.lastIndexOf('/') + 1 ? `${path.slice(0, dot)} (${n})${path.slice(dot)}` : `${path} (${n})`;
    }
    used.add(name.toLowerCase());
    out.push({ path: name, data: fileBytes(file), modified: file.updated });
  };
  const walk = (folder: FolderRecord, prefix: string) => {
    const path = `${prefix}${folder.title}/`;
    for (const child of ctx.store.childFoldersOf(folder.id)) walk(child, path);
    for (const file of ctx.store.childFilesOf(folder.id)) add(path + file.title, file);
  };
  for (const folder of folders) walk(folder, '');
  for (const file of files) add(file.title, file);
  return out;
}

function archiveName(folders: FolderRecord[], files: FileRecord[], now: Date): string {
  if (folders.length === 1 && files.length === 0) return `${folders[0]!.title}.zip`;
  return `${PORTAL.tenantAlias.toLowerCase()}-download-${now.toISOString().slice(0, 10)}.zip`;
}

export function registerBulkDownloadRoute(router: Router, deps: OperationRoutesDeps): void {
  const { operations } = deps;
  router.add('PUT', `${API}/files/fileops/bulkdownload`, 'authenticated', async (ctx) => {
    const r = await readJsonBody(ctx);
    const folderIds = r.ids('folderIds');
    const fileIds = r.ids('fileIds');
    const convert = r.value('fileConvertIds');
    const single = r.bool('returnSingleOperation', false);
    r.done();
    const user = currentUser(ctx);
    if (operations.isRunning(user.id, FileOperationType.Download)) throw invalidOperation(MESSAGES.manyDownloads);
    if (Array.isArray(convert)) {
      for (const item of convert) {
        const key = item && typeof item === 'object' ? (item as Record<string, unknown>)['key'] : undefined;
        if (typeof key === 'number' || (typeof key === 'string' && /^\d+$/.test(key))) fileIds.push(Number(key));
      }
    }
    let taskId: string | undefined;
    if (folderIds.length > 0 || fileIds.length > 0) {
      const { folders, files } = resolveEntries(ctx, folderIds, fileIds);
      for (const entry of [...folders, ...files]) if (areaOfEntry(ctx.store, entry) === 'trash') throw accessDenied();
      const origin = ctx.origin;
      const units: OperationUnit[] = [...folders, ...files].map((entry) => ({
        steps: progressSteps(ctx, entry),
        run: () => ({ result: `${entry.kind}_${entry.id}` }),
      }));
      taskId = operations.publish({
        userId: user.id,
        type: FileOperationType.Download,
        hold: true,
        units,
        onFinish: ({ setUrl }) => {
          const now = new Date();
          const singleFile = folders.length === 0 && files.length === 1 ? files[0] : undefined;
          const archive: BulkArchive = singleFile
            ? {
                userId: user.id,
                title: singleFile.title,
                bytes: fileBytes(singleFile),
                contentType: 'application/octet-stream',
              }
            : {
                userId: user.id,
                title: archiveName(folders, files, now),
                bytes: buildZip(zipEntries(ctx, folders, files)),
                contentType: 'application/zip',
              };
          const token = randomBytes(18).toString('base64url');
          deps.archives.set(token, archive);
          setUrl(`${origin}/filehandler.ashx?action=bulk&filename=${encodeURIComponent(token)}`);
        },
      });
    }
    return reply(
      ctx,
      operations.results(user.id, { id: single ? taskId : undefined, types: [FileOperationType.Download] }),
    );
  });
}
