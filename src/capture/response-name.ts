import { cleanTitle } from '../docspace/titles.ts';

/** The extensions for the types a saved image or file most often has, when the response names no file. */
const EXTENSIONS: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/svg+xml': '.svg',
  'image/avif': '.avif',
  'image/bmp': '.bmp',
  'image/x-icon': '.ico',
  'image/vnd.microsoft.icon': '.ico',
  'application/pdf': '.pdf',
  'application/zip': '.zip',
  'application/json': '.json',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': '.pptx',
  'text/html': '.html',
  'text/plain': '.txt',
  'text/csv': '.csv',
  'audio/mpeg': '.mp3',
  'video/mp4': '.mp4',
};

/**
 * The name a downloaded file is saved under: what the server said (Content-Disposition, RFC 6266 / 5987
 * `filename*` first), else the URL's last path segment; its extension comes from Content-Type when the name has
 * none or one that contradicts the type (an image served from "photo.php"). Cleaned as DocSpace cleans titles.
 */
export function responseFileName(
  headers: { contentDisposition: string | null; contentType: string | null },
  url: string,
): string {
  const fromServer = fromDisposition(headers.contentDisposition ?? '');
  if (fromServer) return cleanTitle(fromServer);
  const type = (headers.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const typeExtension = EXTENSIONS[type];
  let name = fromUrl(url) || 'download';
  if (typeExtension) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
    // A name without an extension gets the type's; an image's URL often lies ("photo.php", "pic.jpg" serving
    // WebP), so for images the type wins. Other types keep their name: "data.csv" served as text/plain is a CSV.
    const wrong = extension === '' || (type.startsWith('image/') && !sameKind(extension, typeExtension));
    if (wrong) name = `${dot > 0 ? name.slice(0, dot) : name}${typeExtension}`;
  }
  return cleanTitle(name);
}

function sameKind(extension: string, typeExtension: string): boolean {
  return extension === typeExtension || (extension === '.jpeg' && typeExtension === '.jpg');
}

function fromDisposition(header: string): string | null {
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star) {
    try {
      const decoded = decodeURIComponent(star[2]!.trim().replace(/^"|"$/g, ''));
      if (decoded.trim()) return baseName(decoded);
    } catch {
      // A malformed percent-encoding: fall back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]+)/i.exec(header);
  if (!plain) return null;
  const value = plain[2] !== undefined ? plain[2].replace(/\\(.)/g, '$1') : plain[1]!.trim();
  return value.trim() ? baseName(value) : null;
}

function fromUrl(url: string): string {
  try {
    const segment = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
    return baseName(decodeURIComponent(segment));
  } catch {
    return '';
  }
}

/** A name, never a path: a server may send "../../x" or "C:\\x". */
function baseName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? '').trim();
}
