import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_SECTIONS } from '../../sandbox/seed-demo.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { createApiKey, findApiKey } from '../../sandbox/store-api-keys.ts';
import { isFavorite, setFavorite } from '../../sandbox/store-marks.ts';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/2.0/authentication`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userName: email, password }),
  });
  return (await res.json()).response.token as string;
}

describe('--data DIR', () => {
  it('keeps the store (sessions, entries, uploaded bytes, shared records) across a restart', async () => {
    const first = await startSandbox({ port: 0, dataDir: dir });
    expect(first.persistence?.restoredFrom.restored).toBe(false);
    const token = await login(first.url, first.demo.email, first.demo.password);

    // A debounced snapshot follows a write without waiting for close().
    const deadline = Date.now() + 3_000;
    while (
      !(existsSync(join(dir, 'store.json')) && readFileSync(join(dir, 'store.json'), 'utf8').includes(token)) &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(readFileSync(join(dir, 'store.json'), 'utf8')).toContain(token);

    const store = first.store;
    const bytes = Buffer.from('uploaded bytes \u00e9\u0000\u00ff', 'utf8');
    const now = new Date();
    const file = store.addFile({
      folderId: DEMO_SECTIONS.my.id,
      title: 'Uploaded.txt',
      size: bytes.length,
      version: 1,
      versionGroup: 1,
      content: bytes,
      createdBy: first.demo.userId,
      created: now,
      updatedBy: first.demo.userId,
      updated: now,
    });
    const { key, record } = createApiKey(store, { name: 'persisted', userId: first.demo.userId, now });
    record.isActive = false; // through one index; the other must see it after the restore too
    setFavorite(store, first.demo.userId, 'file', file.id, true);
    store.touch();
    await first.close();

    const blob = createHash('sha256').update(bytes).digest('hex');
    expect(readFileSync(join(dir, 'blobs', blob))).toEqual(bytes);

    const second = await startSandbox({ port: 0, dataDir: dir });
    try {
      expect(second.persistence?.restoredFrom).toMatchObject({ restored: true, seed: 'demo' });
      const restored = second.store.getFile(file.id);
      expect(restored?.title).toBe('Uploaded.txt');
      expect(Buffer.isBuffer(restored?.content)).toBe(true);
      expect(restored?.content?.equals(bytes)).toBe(true);
      expect(restored?.created).toBeInstanceOf(Date);
      expect(restored?.created.getTime()).toBe(now.getTime());
      expect(second.store.childFileIds(DEMO_SECTIONS.my.id)).toContain(file.id);
      expect(isFavorite(second.store, second.demo.userId, 'file', file.id)).toBe(true);
      const byHash = findApiKey(second.store, key);
      expect(byHash).toBe(second.store.apiKeys.get(record.id));
      expect(byHash?.isActive).toBe(false);

      // The old session token still signs in; new ids continue above the restored ones.
      const self = await fetch(`${second.url}/api/2.0/people/@self`, { headers: { Authorization: token } });
      expect(self.status).toBe(200);
      const listing = await (
        await fetch(`${second.url}/api/2.0/files/@my`, { headers: { Authorization: token } })
      ).json();
      expect(listing.response.files.map((f: { title: string }) => f.title)).toContain('Uploaded.txt');
      expect(second.store.allocateId()).toBeGreaterThan(file.id);

      // Deleting the file drops its blob on the next save.
      second.store.deleteFile(file.id);
      second.persistence?.saveNow();
      expect(existsSync(join(dir, 'blobs', blob))).toBe(false);
    } finally {
      await second.close();
    }
  });
});
