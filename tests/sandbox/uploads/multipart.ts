// A small multipart/form-data parser (RFC 7578) without dependencies. It is streaming-safe: bytes
// can arrive in chunks of any size (a boundary split across chunks is found), part data is binary
// and never decoded, and only a delimiter's length of bytes is held back while searching.

export interface MultipartPart {
  /** `name` of Content-Disposition (form field name), as sent. */
  name: string;
  /** `filename` (or decoded `filename*`) when the part is a file. */
  filename?: string;
  contentType?: string;
  headers: Record<string, string>;
  data: Buffer;
}

export class MultipartError extends Error {}

/** The boundary of a `multipart/form-data; boundary=…` content type, or undefined. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/form-data\b/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  return boundary && boundary.length <= 200 ? boundary : undefined;
}

type State = 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done';

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;

function parseDisposition(value: string): { name?: string; filename?: string } {
  const out: { name?: string; filename?: string } = {};
  const params = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  let filenameStar: string | undefined;
  for (let m = params.exec(value); m; m = params.exec(value)) {
    const key = (m[1] ?? '').toLowerCase();
    const raw = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '').trim();
    if (key === 'name') out.name = raw;
    else if (key === 'filename') out.filename = raw;
    else if (key === 'filename*') {
      const ext = /^([^']*)'[^']*'(.*)$/.exec(raw);
      try {
        filenameStar = decodeURIComponent(ext ? (ext[2] ?? '') : raw);
      } catch {
        filenameStar = raw;
      }
    }
  }
  if (filenameStar !== undefined) out.filename = filenameStar;
  return out;
}

/** Incremental parser: `write` chunks as they arrive, then `end`; parts are collected in order. */
export class MultipartParser {
  readonly parts: MultipartPart[] = [];
  private readonly delimiter: Buffer;
  private state: State = 'preamble';
  private pending: Buffer;
  private headers: Record<string, string> = {};
  private data: Buffer[] = [];

  constructor(
    boundary: string,
    private readonly limits: { maxParts?: number } = {},
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
    // The first boundary has no CRLF before it: pretend there was one.
    this.pending = Buffer.from(CRLF);
  }

  write(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    this.run();
  }

  end(): MultipartPart[] {
    this.run();
    if (this.state !== 'done')
      throw new MultipartError(
        'Unexpected end of Stream, the content may have already been read by another component.',
      );
    return this.parts;
  }

  private run(): void {
    for (;;) {
      switch (this.state) {
        case 'preamble': {
          const at = this.pending.indexOf(this.delimiter);
          if (at === -1) {
            this.keepTail();
            return;
          }
          this.pending = this.pending.subarray(at + this.delimiter.length);
          this.state = 'after-delimiter';
          break;
        }
        case 'after-delimiter': {
          // "--" closes the body; otherwise optional whitespace then CRLF starts a part.
          if (this.pending.length < 2) return;
          if (this.pending[0] === 0x2d && this.pending[1] === 0x2d) {
            this.state = 'done';
            this.pending = Buffer.alloc(0);
            return;
          }
          const eol = this.pending.indexOf(CRLF);
          if (eol === -1) {
            if (this.pending.length > 256) throw new MultipartError('Malformed multipart boundary line');
            return;
          }
          if (this.pending.subarray(0, eol).toString('latin1').trim() !== '')
            throw new MultipartError('Malformed multipart boundary line');
          this.pending = this.pending.subarray(eol + 2);
          this.state = 'headers';
          this.headers = {};
          break;
        }
        case 'headers': {
          // A part without headers starts with CRLF directly.
          if (this.pending.length >= 2 && this.pending[0] === 0x0d && this.pending[1] === 0x0a) {
            this.pending = this.pending.subarray(2);
            this.state = 'body';
            this.data = [];
            break;
          }
          const end = this.pending.indexOf(HEADER_END);
          if (end === -1) {
            if (this.pending.length > MAX_HEADER_BYTES) throw new MultipartError('Multipart headers too long');
            return;
          }
          for (const line of this.pending.subarray(0, end).toString('utf8').split('\r\n')) {
            const colon = line.indexOf(':');
            if (colon > 0) this.headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
          }
          this.pending = this.pending.subarray(end + HEADER_END.length);
          this.state = 'body';
          this.data = [];
          break;
        }
        case 'body': {
          const at = this.pending.indexOf(this.delimiter);
          if (at === -1) {
            // Everything but a possible delimiter prefix at the end is part data.
            const keep = Math.min(this.pending.length, this.delimiter.length - 1);
            const flush = this.pending.length - keep;
            if (flush > 0) {
              this.data.push(this.pending.subarray(0, flush));
              this.pending = this.pending.subarray(flush);
            }
            return;
          }
          this.data.push(this.pending.subarray(0, at));
          this.finishPart();
          this.pending = this.pending.subarray(at + this.delimiter.length);
          this.state = 'after-delimiter';
          break;
        }
        case 'done':
          return;
      }
    }
  }

  private keepTail(): void {
    const keep = Math.min(this.pending.length, this.delimiter.length - 1);
    this.pending = this.pending.subarray(this.pending.length - keep);
  }

  private finishPart(): void {
    if (this.limits.maxParts !== undefined && this.parts.length >= this.limits.maxParts)
      throw new MultipartError('Too many multipart sections');
    const disposition = parseDisposition(this.headers['content-disposition'] ?? '');
    const data = this.data.length === 1 ? Buffer.from(this.data[0]!) : Buffer.concat(this.data);
    this.parts.push({
      name: disposition.name ?? '',
      ...(disposition.filename !== undefined ? { filename: disposition.filename } : {}),
      ...(this.headers['content-type'] !== undefined ? { contentType: this.headers['content-type'] } : {}),
      headers: this.headers,
      data,
    });
    this.data = [];
  }
}

/** Parses a whole body at once. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const parser = new MultipartParser(boundary, { maxParts: 1000 });
  parser.write(body);
  return parser.end();
}

/** The file parts (those with a filename), in order: IFormFileCollection. */
export function fileParts(parts: readonly MultipartPart[]): MultipartPart[] {
  return parts.filter((p) => p.filename !== undefined);
}

/** A text field's value (first occurrence, name case-insensitive). */
export function formField(parts: readonly MultipartPart[], name: string): string | undefined {
  const part = parts.find((p) => p.filename === undefined && p.name.toLowerCase() === name.toLowerCase());
  return part?.data.toString('utf8');
}
