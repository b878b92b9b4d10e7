// `npm run sandbox -- --port 8090 [--seed demo]`: runs the sandbox until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { startSandbox } from './server.ts';

const USAGE = `Usage: npm run sandbox -- [--port <number>] [--seed demo]

  --port <number>  port on 127.0.0.1 (default 8090; 0 picks a free one)
  --seed demo      initial data (only "demo" exists)
  --help           show this text`;

function fail(message: string): never {
  process.stderr.write(`sandbox: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function readOptions(): { port: number; seed: 'demo' } {
  let values: { port?: string | undefined; seed?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const port = values.port === undefined ? 8090 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be an integer 0..65535, got "${values.port}"`);
  const seed = values.seed ?? 'demo';
  if (seed !== 'demo') fail(`unknown --seed "${seed}" (only "demo" exists)`);
  return { port, seed };
}

const options = readOptions();
const sandbox = await startSandbox(options).catch((error: unknown) => {
  process.stderr.write(`sandbox: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

process.stdout.write(
  [
    `DocSpace sandbox listening on ${sandbox.url}`,
    `  API:      ${sandbox.url}/api/2.0`,
    `  E-mail:   ${sandbox.demo.email}`,
    `  Password: ${sandbox.demo.password}`,
    `  API key:  ${sandbox.demo.apiKey}`,
    `  Log:      ${sandbox.url}/__sandbox/log   Reset: POST ${sandbox.url}/__sandbox/reset`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\nsandbox: ${signal}, shutting down\n`);
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
