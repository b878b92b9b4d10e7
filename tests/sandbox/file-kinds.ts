// What DocSpace derives from a file name: FileType, and how the file opens (editor, media viewer or
// download). Lookups are by lower-cased extension with the dot, as `fileExst` is written.
import { FileType } from './enums.ts';

const TYPE_BY_EXTENSION: ReadonlyMap<string, FileType> = new Map<string, FileType>([
  ...['.docx', '.doc', '.docm', '.dotx', '.odt', '.rtf', '.txt', '.md', '.epub', '.fb2', '.html'].map(
    (e) => [e, FileType.Document] as const,
  ),
  ...['.xlsx', '.xls', '.xlsm', '.xltx', '.ods', '.csv'].map((e) => [e, FileType.Spreadsheet] as const),
  ...['.pptx', '.ppt', '.pptm', '.potx', '.odp', '.ppsx'].map((e) => [e, FileType.Presentation] as const),
  ['.pdf', FileType.Pdf],
  ...['.png', '.jpg', '.jpeg', '.gif', '.bmp', '.svg', '.webp', '.tif', '.tiff', '.ico'].map(
    (e) => [e, FileType.Image] as const,
  ),
  ...['.mp4', '.webm', '.mov', '.avi', '.mkv', '.m4v', '.mpeg', '.ogv'].map((e) => [e, FileType.Video] as const),
  ...['.mp3', '.wav', '.ogg', '.m4a', '.flac', '.aac', '.opus', '.wma'].map((e) => [e, FileType.Audio] as const),
  ...['.zip', '.rar', '.7z', '.tar', '.gz', '.tgz', '.bz2'].map((e) => [e, FileType.Archive] as const),
  ...['.vsdx', '.vsd', '.vssx', '.vstx'].map((e) => [e, FileType.Diagram] as const),
]);

const MIME_BY_EXTENSION: ReadonlyMap<string, string> = new Map([
  ['.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ['.vsdx', 'application/vnd.ms-visio.drawing'],
  ['.pdf', 'application/pdf'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.gif', 'image/gif'],
  ['.svg', 'image/svg+xml'],
  ['.webp', 'image/webp'],
  ['.mp4', 'video/mp4'],
  ['.webm', 'video/webm'],
  ['.mp3', 'audio/mpeg'],
  ['.wav', 'audio/wav'],
  ['.ogg', 'audio/ogg'],
  ['.zip', 'application/zip'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.csv', 'text/csv; charset=utf-8'],
]);

/** Extension with the dot, lower-cased; "" when the name has none. */
export function extensionOf(title: string): string {
  const dot = title.lastIndexOf('.');
  return dot > 0 && dot < title.length - 1 ? title.slice(dot).toLowerCase() : '';
}

export function fileTypeOf(title: string): FileType {
  return TYPE_BY_EXTENSION.get(extensionOf(title)) ?? FileType.Unknown;
}

export function mimeTypeOf(title: string): string {
  return MIME_BY_EXTENSION.get(extensionOf(title)) ?? 'application/octet-stream';
}

/** Opens in the document editor (the sandbox's stand-in page at /doceditor). */
export function opensInEditor(type: FileType): boolean {
  return (
    type === FileType.Document ||
    type === FileType.Spreadsheet ||
    type === FileType.Presentation ||
    type === FileType.Pdf
  );
}

/** Opens in the media viewer (/media/view/{id}). */
export function opensInMediaViewer(type: FileType): boolean {
  return type === FileType.Image || type === FileType.Video || type === FileType.Audio;
}

const SIZE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;
const SIZE_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** FileSizeComment.FilesSizeToString: "{0:#,0.##} {unit}" in powers of 1024, e.g. "12.5 KB". */
export function humanSize(bytes: number): string {
  let power = 0;
  let value = bytes;
  if (value >= 1024) {
    power = Math.min(Math.floor(Math.log(value) / Math.log(1024)), SIZE_UNITS.length - 1);
    value = value / 1024 ** power;
  }
  return `${SIZE_FORMAT.format(value)} ${SIZE_UNITS[power]}`;
}
