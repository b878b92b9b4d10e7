import { describe, expect, it } from 'vitest';
import { jobItem, SCHEMA } from '../../../src/storage/schema.ts';
import { MemoryStorageArea, memoryAreas } from '../../../src/storage/storage-area.ts';
import { TypedStorage } from '../../../src/storage/typed-storage.ts';

/** A job exactly as the create-folders runner stored it before the generic engine (no schema versions). */
export const V1_JOB = {
  id: 'old-job',
  kind: 'createFolders',
  portalId: 'http://127.0.0.1:1|user',
  parentId: 206,
  parentTitle: 'Unsorted',
  status: 'running',
  items: [
    { title: 'Done one', state: 'done', entryId: 5001 },
    { title: 'On the wire', state: 'sending' },
    { title: 'Not yet', state: 'pending' },
    { title: 'Refused', state: 'failed', error: 'The portal refused the request: bad name.' },
  ],
  createdAt: '2026-11-30T10:00:00.000Z',
  updatedAt: '2026-11-30T10:01:00.000Z',
};

describe('stored job records from before the engine', () => {
  it('become generic records: params, item inputs, results, and errors kept as their words', async () => {
    const local = new MemoryStorageArea();
    await local.set({ 'jobs/index': ['old-job'], 'job/old-job': V1_JOB });
    const storage = new TypedStorage({ ...memoryAreas(), local }, SCHEMA);
    const job = await storage.get(jobItem, 'old-job');
    expect(job).toMatchObject({
      id: 'old-job',
      kind: 'createFolders',
      params: { parentId: 206, parentTitle: 'Unsorted' },
      status: 'running',
      items: [
        { input: { title: 'Done one' }, state: 'done', result: { id: 5001 }, attempts: 1 },
        { input: { title: 'On the wire' }, state: 'sending', attempts: 1 },
        { input: { title: 'Not yet' }, state: 'pending', attempts: 0 },
        {
          input: { title: 'Refused' },
          state: 'failed',
          error: { key: 'legacy', params: ['The portal refused the request: bad name.'] },
        },
      ],
    });
    expect(local.data.get('schema/versions')).toMatchObject({ job: 2, portals: 1 });
  });
});
