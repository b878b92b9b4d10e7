import type { ErrorData } from '../../errors/index.ts';

/** The create-folders job as stored before the generic engine (schema version 1). */
interface JobV1 {
  id: string;
  kind: 'createFolders';
  portalId: string;
  parentId: number | string;
  parentTitle: string;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  items: Array<{ title: string; state: string; entryId?: number | string; error?: string }>;
  error?: { code?: string; message?: string; retryable?: boolean; action?: string; status?: number };
  createdAt: string;
  updatedAt: string;
}

/** Errors of that time carried English text, not a catalogue key: they are kept as their words. */
function legacyError(message: string, base?: JobV1['error']): ErrorData {
  const data: ErrorData = {
    name: 'AppError',
    code: (base?.code ?? 'internal') as ErrorData['code'],
    key: 'legacy',
    params: [message],
    retryable: base?.retryable ?? false,
    action: (base?.action ?? 'none') as ErrorData['action'],
  };
  if (base?.status !== undefined) data.status = base.status;
  return data;
}

export function jobFromV1(value: unknown): unknown {
  const job = value as JobV1;
  if (!job || job.kind !== 'createFolders' || !Array.isArray(job.items)) return value;
  return {
    id: job.id,
    kind: 'createFolders',
    portalId: job.portalId,
    params: { parentId: job.parentId, parentTitle: job.parentTitle },
    status: job.status,
    items: job.items.map((item) => ({
      input: { title: item.title },
      state: item.state,
      attempts: item.state === 'pending' ? 0 : 1,
      ...(item.entryId !== undefined ? { result: { id: item.entryId } } : {}),
      ...(item.error ? { error: legacyError(item.error) } : {}),
    })),
    ...(job.error ? { error: legacyError(job.error.message ?? '', job.error) } : {}),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}
