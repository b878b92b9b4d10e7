import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY, DEMO_EMAIL, DEMO_PASSWORD } from '../../sandbox/server.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = (args: string[]) =>
  spawn(process.execPath, ['--import', 'tsx', 'tests/sandbox/cli.ts', ...args], { cwd: root });

function collect(child: ReturnType<typeof cli>): {
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
} {
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { out: () => out, err: () => err, exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

describe('sandbox CLI', () => {
  it('rejects unknown flags with usage and exit code 2', async () => {
    const run = collect(cli(['--bogus']));
    expect(await run.exit).toBe(2);
    expect(run.err()).toContain("Unknown option '--bogus'");
    expect(run.err()).toContain('Usage: npm run sandbox');
  }, 20_000);

  it('prints URL and demo sign-in, serves, and stops on SIGTERM', async () => {
    const child = cli(['--port', '0', '--seed', 'demo']);
    const run = collect(child);
    const deadline = Date.now() + 15_000;
    while (!run.out().includes('Press Ctrl+C') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.out())?.[1];
    expect(url).toBeDefined();
    expect(run.out()).toContain(DEMO_EMAIL);
    expect(run.out()).toContain(DEMO_PASSWORD);
    expect(run.out()).toContain(DEMO_API_KEY);
    const res = await fetch(`${url}/api/2.0/authentication`, { headers: { Authorization: `Bearer ${DEMO_API_KEY}` } });
    expect((await res.json()).response).toBe(true);
    child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  }, 20_000);
});
