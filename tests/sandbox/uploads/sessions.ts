// Chunked upload sessions (docspace-api.md §6.2; ChunkedUploadSessionHolder, FileUploader): a
// session knows its target folder, file name and total size; chunks arrive in order (numbered
// 1, 2, … automatically) or in parallel with explicit numbers; every chunk slides the expiry
// (12 h by default, `tuning.uploadSessionTtlMs`). A file below one chunk size is a single-chunk
// session (UseChunks=false): its first chunk completes it. Sessions are runtime state, not
// portal data: they are not persisted and a reset drops them.
import { randomUUID } from 'node:crypto';
import type { SandboxTuning } from '../tuning.ts';

export interface UploadSession {
  /** Guid "N" format: 32 hex digits. */
  id: string;
  userId: string;
  folderId: number;
  fileName: string;
  bytesTotal: number;
  useChunks: boolean;
  createNewIfExist: boolean;
  created: Date;
  expired: Date;
  chunks: Map<number, Buffer>;
  /** Sequential uploads: the number the next unnumbered chunk gets. */
  nextChunk: number;
}

export class ChunkTooLargeError extends Error {}

export class UploadSessions {
  private readonly sessions = new Map<string, UploadSession>();

  constructor(private readonly tuning: SandboxTuning) {}

  create(input: {
    userId: string;
    folderId: number;
    fileName: string;
    bytesTotal: number;
    createNewIfExist: boolean;
    now: Date;
  }): UploadSession {
    const session: UploadSession = {
      id: randomUUID().replaceAll('-', ''),
      userId: input.userId,
      folderId: input.folderId,
      fileName: input.fileName,
      bytesTotal: input.bytesTotal,
      // CommonChunkedUploadSessionHolder.InitAsync: below one chunk (and size known) → no chunks.
      useChunks: !(input.bytesTotal < this.tuning.chunkUploadSize && input.bytesTotal !== -1),
      createNewIfExist: input.createNewIfExist,
      created: input.now,
      expired: new Date(input.now.getTime() + this.tuning.uploadSessionTtlMs),
      chunks: new Map(),
      nextChunk: 1,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The session if it exists and has not expired (an expired one is dropped, as the cache would). */
  get(id: string | undefined, now: Date): UploadSession | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (session.expired.getTime() <= now.getTime()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  /** Stores a chunk (numbered, or the next in sequence) and slides the expiry. */
  addChunk(session: UploadSession, data: Buffer, now: Date, chunkNumber?: number): void {
    session.expired = new Date(now.getTime() + this.tuning.uploadSessionTtlMs);
    if (data.length > this.tuning.chunkUploadSize) throw new ChunkTooLargeError();
    if (!session.useChunks) {
      if (session.bytesTotal === 0) session.bytesTotal = data.length;
      session.chunks.set(1, data);
      return;
    }
    const number = chunkNumber ?? session.nextChunk++;
    session.chunks.set(number, data);
  }

  transferred(session: UploadSession): number {
    let sum = 0;
    for (const chunk of session.chunks.values()) sum += chunk.length;
    return sum;
  }

  /** All bytes, chunks 1…n in order; consecutive chunks must add up to bytesTotal. */
  assemble(session: UploadSession): Buffer {
    if (!session.useChunks) return session.chunks.get(1) ?? Buffer.alloc(0);
    const parts: Buffer[] = [];
    for (let i = 1; session.chunks.has(i); i++) parts.push(session.chunks.get(i)!);
    const bytes = Buffer.concat(parts);
    if (bytes.length !== session.bytesTotal) throw new Error('uploadSize != bytesTotal');
    return bytes;
  }

  delete(id: string): boolean {
    return this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  clear(): void {
    this.sessions.clear();
  }
}
