// Bytes served for a file. Seeded files have no stored bytes, so content is generated to exactly
// the advertised size (pureContentLength): images are a real PNG padded with zeros (viewers ignore
// bytes after IEND), other files a text header padded with a repeating pattern.
import { FileType } from './enums.ts';
import { fileTypeOf } from './file-kinds.ts';
import { generatePng } from './png.ts';
import type { FileRecord } from './store.ts';

export function fileBytes(file: FileRecord): Buffer {
  if (file.content) return file.content;
  const head =
    fileTypeOf(file.title) === FileType.Image
      ? generatePng(file.id, 320, 200)
      : Buffer.from(`DocSpace sandbox file #${file.id} "${file.title}" version ${file.version}\n`, 'utf8');
  if (head.length >= file.size) return head.subarray(0, file.size);
  const out = Buffer.alloc(file.size, fileTypeOf(file.title) === FileType.Image ? 0 : 'sandbox-content ');
  head.copy(out, 0);
  return out;
}
