import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LARGE_SEED } from '../../sandbox/seed-large.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { storeCounts } from '../../sandbox/store-helpers.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function cli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/sandbox/cli.ts', ...args], { cwd: root });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exit };
}

describe('large seed', () => {
  it('starts in well under 10 s and holds 1,000+ rooms, a 10,000-file room and a 25-deep chain', async () => {
    const t = performance.now();
    const sandbox = await startSandbox({ port: 0, seed: 'large', limits: 'server' });
    const startMs = performance.now() - t;
    try {
      expect(startMs).toBeLessThan(10_000);
      const counts = storeCounts(sandbox.store);
      expect(counts.rooms).toBeGreaterThanOrEqual(1_000);
      expect(counts.files).toBeGreaterThanOrEqual(10_000);
      const headers = { Authorization: `Bearer ${sandbox.demo.apiKey}` };
      const rooms = await (await fetch(`${sandbox.url}/api/2.0/files/rooms?count=100`, { headers })).json();
      expect(rooms.response.total).toBeGreaterThanOrEqual(1_000);
      expect(rooms.response.folders).toHaveLength(100);
      const big = await (
        await fetch(`${sandbox.url}/api/2.0/files/${LARGE_SEED.bigRoom.id}?count=100&startIndex=9950`, { headers })
      ).json();
      expect(big.response.total).toBe(10_000);
      expect(big.response.files).toHaveLength(50);
      const path = await (
        await fetch(`${sandbox.url}/api/2.0/files/folder/${LARGE_SEED.deepChain.leafFolderId}/path`, { headers })
      ).json();
      expect(path.response.length).toBeGreaterThanOrEqual(20);
      const leaf = await (
        await fetch(`${sandbox.url}/api/2.0/files/${LARGE_SEED.deepChain.leafFolderId}`, { headers })
      ).json();
      expect(leaf.response.files.map((f: { title: string }) => f.title)).toEqual(['Bottom.docx']);
    } finally {
      await sandbox.close();
    }
  }, 30_000);

  it('CLI: --limits server --seed large --window-scale --fault start in under 10 s and take effect', async () => {
    const t = performance.now();
    const run = cli([
      '--port',
      '0',
      '--limits',
      'server',
      '--seed',
      'large',
      '--window-scale',
      '0.1',
      '--fault',
      'error500=1,count=1',
      '--fault-seed',
      '42',
    ]);
    const deadline = Date.now() + 20_000;
    while (!run.out().includes('Press Ctrl+C') && Date.now() < deadline && run.child.exitCode === null)
      await new Promise((r) => setTimeout(r, 25));
    const startMs = performance.now() - t;
    expect(run.out()).toContain('Press Ctrl+C');
    expect(startMs).toBeLessThan(10_000);
    expect(run.out()).toMatch(/Started in \d+ ms/);
    expect(run.out()).toContain('Limits:   server (windows x0.1)');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.out())![1]!;
    const headers = { Authorization: `Bearer ${/API key:\s+(sk-\w+)/.exec(run.out())![1]}` };
    expect((await fetch(`${url}/api/2.0/files/rooms`, { headers })).status).toBe(500);
    expect((await fetch(`${url}/api/2.0/files/rooms`, { headers })).status).toBe(200);
    const limits = await (await fetch(`${url}/__sandbox/limits`)).json();
    expect(limits).toMatchObject({ profile: 'server', windowScale: 0.1 });
    expect((await (await fetch(`${url}/__sandbox/faults`)).json()).seed).toBe(42);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  }, 30_000);

  it('CLI: rejects a bad --limits, --window-scale or --fault with usage and exit code 2', async () => {
    const runs = [
      ['--limits', 'fast'],
      ['--window-scale', '0'],
      ['--fault', 'teleport=1'],
      ['--seed', 'huge'],
    ].map(cli);
    for (const run of runs) {
      expect(await run.exit).toBe(2);
      expect(run.err()).toContain('Usage: npm run sandbox');
    }
  }, 30_000);
});
