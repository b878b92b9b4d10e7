import { describe, expect, it } from 'vitest';
import { SimpleQueue } from '../../../src/scheduler/simple-queue.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('SimpleQueue', () => {
  it('never runs more than its concurrency at once', async () => {
    const queue = new SimpleQueue(3);
    let running = 0;
    let peak = 0;
    const jobs = Array.from({ length: 20 }, (_, i) =>
      queue.run({ method: 'GET', path: `/x/${i}`, lane: 'bulk' }, async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 2));
        running--;
        return i;
      }),
    );
    expect(await Promise.all(jobs)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(peak).toBe(3);
  });

  it('starts waiting interactive work before bulk work', async () => {
    const queue = new SimpleQueue(1);
    const gate = deferred();
    const order: string[] = [];
    const first = queue.run({ method: 'GET', path: '/a', lane: 'bulk' }, () => gate.promise);
    const bulk = queue.run({ method: 'GET', path: '/b', lane: 'bulk' }, async () => void order.push('bulk'));
    const click = queue.run(
      { method: 'GET', path: '/c', lane: 'interactive' },
      async () => void order.push('interactive'),
    );
    gate.resolve();
    await Promise.all([first, bulk, click]);
    expect(order).toEqual(['interactive', 'bulk']);
  });

  it('drops a waiting request whose signal aborts, without sending it', async () => {
    const queue = new SimpleQueue(1);
    const gate = deferred();
    let sent = false;
    const first = queue.run({ method: 'GET', path: '/a', lane: 'user' }, () => gate.promise);
    const controller = new AbortController();
    const second = queue.run(
      { method: 'GET', path: '/b', lane: 'user', signal: controller.signal },
      async () => void (sent = true),
    );
    controller.abort();
    await expect(second).rejects.toMatchObject({ code: 'cancelled' });
    gate.resolve();
    await first;
    expect(sent).toBe(false);
    expect(queue.pending).toBe(0);
  });
});
