import { expect } from '@playwright/test';
import type { Profile } from './fixtures.ts';

interface Version {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
}

/**
 * Stops the extension's service worker the way Chrome does (CDP ServiceWorker.stopWorker: its memory, timers
 * and fetches are gone). Debian's Chromium 156 sometimes dies itself doing that on a loaded machine (SIGTRAP,
 * with the old stop and the new, Target.closeTarget worse); then the browser is started again on the same
 * profile, which is a browser restart in the middle of the job, and the job must survive that too.
 */
export async function workerControl(profile: Profile, extensionId: string) {
  let versions = new Map<string, Version>();
  let closed = false;
  let cdp: Awaited<ReturnType<Profile['context']['newCDPSession']>>;
  const attach = async (): Promise<void> => {
    const context = profile.context;
    closed = false;
    context.on('close', () => (closed = true));
    versions = new Map();
    const blank =
      context.pages().find((page) => !page.url().startsWith('chrome-extension://')) ?? (await context.newPage());
    cdp = await context.newCDPSession(blank);
    cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: Version[] }) => {
      for (const version of event.versions) versions.set(version.versionId, version);
    });
    await cdp.send('ServiceWorker.enable');
  };
  await attach();
  const running = () =>
    [...versions.values()].find((v) => v.scriptURL.includes(extensionId) && v.runningStatus === 'running');
  let restarts = 0;

  return {
    running,
    get browserRestarts() {
      return restarts;
    },
    async waitRunning(): Promise<void> {
      await expect.poll(() => running() !== undefined, { timeout: 10_000 }).toBe(true);
    },
    /**
     * Stops the worker, then starts a new one with `wake` (any event does; opening an extension page is one).
     * If the browser dies on the way, it is started again on its profile and woken the same way.
     */
    async restart(wake: () => Promise<void>): Promise<'stopped' | 'browserRestarted'> {
      const version = running();
      if (!version) throw new Error('no running worker to stop');
      await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId }).catch(() => undefined);
      await expect.poll(() => closed || running() === undefined, { timeout: 10_000 }).toBe(true);
      if (!closed) {
        try {
          await wake();
          await expect.poll(() => closed || running() !== undefined, { timeout: 10_000 }).toBe(true);
        } catch (error) {
          if (!closed) throw error;
        }
        if (!closed) return 'stopped';
      }
      restarts++;
      await profile.relaunch();
      await attach();
      await wake();
      return 'browserRestarted';
    },
  };
}
