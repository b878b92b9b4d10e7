// File conversions in progress (FileConverterQueue): one per file and user. A conversion takes
// `tuning.conversionMs`; a status read after that finishes it (the converted file is stored then)
// and reports progress 100 with the result. Runtime state: not persisted, cleared by reset.
import type { FileRecord } from '../store-records.ts';
import type { SandboxTuning } from '../tuning.ts';

export interface Conversion {
  fileId: number;
  version: number;
  userId: string;
  toExtension: string;
  createNewIfExist: boolean;
  started: number;
  /** Set once the converted file exists. */
  resultFileId?: number;
  error?: string;
}

export class ConversionQueue {
  private readonly jobs = new Map<string, Conversion>();

  constructor(private readonly tuning: SandboxTuning) {}

  private key(fileId: number, userId: string): string {
    return `${fileId}:${userId}`;
  }

  /** Enqueues a conversion unless one for this file and user is still running. */
  start(file: FileRecord, userId: string, toExtension: string, createNewIfExist: boolean, now: number): Conversion {
    const key = this.key(file.id, userId);
    const running = this.jobs.get(key);
    if (running && running.resultFileId === undefined && running.error === undefined) return running;
    const job: Conversion = {
      fileId: file.id,
      version: file.version,
      userId,
      toExtension,
      createNewIfExist,
      started: now,
    };
    this.jobs.set(key, job);
    return job;
  }

  get(fileId: number, userId: string): Conversion | undefined {
    return this.jobs.get(this.key(fileId, userId));
  }

  /** Progress 0..100 by elapsed time; 100 once finished. */
  progress(job: Conversion, now: number): number {
    if (job.resultFileId !== undefined || job.error !== undefined) return 100;
    if (this.tuning.conversionMs <= 0) return 100;
    return Math.min(100, Math.floor(((now - job.started) / this.tuning.conversionMs) * 100));
  }

  clear(): void {
    this.jobs.clear();
  }
}
