import { spawn, type ChildProcess } from 'node:child_process';
import { DEMO_API_KEY } from '../sandbox/demo-account.ts';

/**
 * The sandbox in a process of its own, so a benchmark measures the client against a server that has a core
 * to itself, as a real portal would, instead of both sharing one event loop.
 */
export async function startSandboxProcess(
  args: string[],
): Promise<{ url: string; apiKey: string; close(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/sandbox-main.ts', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`The sandbox did not start: ${out}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.on('exit', (code) => reject(new Error(`The sandbox exited (${code}): ${out}`)));
  });
  return {
    url,
    apiKey: DEMO_API_KEY,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
