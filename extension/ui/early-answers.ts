import type { CommandName } from '../../src/protocol/index.ts';
import type { Connector } from './connector.ts';

/**
 * The popup's first two questions (who is signed in, where the user was) are asked before the first render,
 * so the answers travel while the UI mounts instead of after it. The first `send` of each command takes the
 * early answer; every later one asks again. restoreView is asked for the portal on show, and the browse store
 * asks again when that turns out not to be the active one.
 */
export function withEarlyAnswers(connector: Connector): Connector {
  const early = new Map<CommandName, Promise<unknown>>([
    ['getState', connector.send('getState', {})],
    ['restoreView', connector.send('restoreView', {})],
  ]);
  // Unused early answers must not surface as unhandled rejections. The marks are for `npm run bench:popup`.
  for (const [name, answer] of early) answer.then(() => performance.mark(`answer:${name}`)).catch(() => undefined);
  return {
    on: (name, listener) => connector.on(name, listener),
    send(name, payload) {
      const answer = early.get(name);
      if (!answer) return connector.send(name, payload);
      early.delete(name);
      return answer as ReturnType<typeof connector.send<typeof name>>;
    },
  };
}
