import { describe, expect, it } from 'vitest';
import { appError } from '../../../src/errors/index.ts';
import { dispatchCommand } from '../../../src/messaging/dispatch.ts';
import type { AppState, CommandHandlers, FolderPage } from '../../../src/protocol/index.ts';
import { COMMANDS, isCommandMessage } from '../../../src/protocol/index.ts';

const emptyState: AppState = { portals: [], activePortalId: null };
const page = {} as FolderPage;
const unused = async (): Promise<never> => {
  throw new Error('not used');
};

function handlers(overrides: Partial<CommandHandlers<null>> = {}): CommandHandlers<null> {
  // Every command answers "not used" unless the test gives it a handler.
  const all = Object.fromEntries(
    Object.keys(COMMANDS).map((name) => [name, unused]),
  ) as unknown as CommandHandlers<null>;
  return { ...all, getState: async () => emptyState, listRooms: async () => page, ...overrides };
}

describe('dispatchCommand', () => {
  it('answers with the handler value', async () => {
    expect(await dispatchCommand(handlers(), { type: 'dpt/command', name: 'getState', payload: {} }, null)).toEqual({
      ok: true,
      value: emptyState,
    });
  });

  it('sends an AppError across as data with its code, message and action', async () => {
    const failing = handlers({
      listRooms: async () => {
        throw appError('rateLimited', {}, { retryAfterSeconds: 3 });
      },
    });
    const reply = await dispatchCommand(
      failing,
      { type: 'dpt/command', name: 'listRooms', payload: { portalId: 'p' } },
      null,
    );
    expect(reply).toEqual({
      ok: false,
      error: {
        name: 'AppError',
        code: 'rateLimited',
        key: 'rateLimited',
        params: [],
        retryable: true,
        action: 'wait',
        retryAfterSeconds: 3,
      },
    });
    expect(JSON.parse(JSON.stringify(reply))).toEqual(reply);
  });

  it('reports an unexpected exception instead of swallowing it', async () => {
    const reply = await dispatchCommand(
      handlers({
        getState: async () => {
          throw new TypeError('boom');
        },
      }),
      { type: 'dpt/command', name: 'getState', payload: {} },
      null,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal', retryable: true } });
    expect(reply && !reply.ok && reply.error.params).toEqual(['boom']);
  });

  it('ignores messages that are not commands', async () => {
    expect(await dispatchCommand(handlers(), { type: 'other' }, null)).toBeUndefined();
    expect(
      await dispatchCommand(handlers(), { type: 'dpt/command', name: 'deleteEverything', payload: {} }, null),
    ).toBeUndefined();
    expect(await dispatchCommand(handlers(), 'getState', null)).toBeUndefined();
  });
});

describe('payload checks', () => {
  it('refuses a payload that does not match the command before any handler runs', async () => {
    let called = 0;
    const counting = handlers({
      listRooms: async () => {
        called++;
        return page;
      },
    });
    for (const payload of [{ portalId: 5 }, { portalId: 'p', startIndex: -5 }, { portalId: 'p', count: 1e9 }, {}]) {
      const reply = await dispatchCommand(counting, { type: 'dpt/command', name: 'listRooms', payload }, null);
      expect(reply).toMatchObject({ ok: false, error: { code: 'validation', key: 'commandInvalid' } });
    }
    expect(called).toBe(0);
  });

  it('hands the handler only the declared fields', async () => {
    let seen: unknown;
    const spying = handlers({
      listRooms: async (request) => {
        seen = request;
        return page;
      },
    });
    await dispatchCommand(
      spying,
      { type: 'dpt/command', name: 'listRooms', payload: { portalId: 'p', startIndex: 0, __proto__x: 1, extra: 'x' } },
      null,
    );
    expect(seen).toEqual({ portalId: 'p', startIndex: 0 });
  });
});

describe('isCommandMessage', () => {
  it('requires a known name and an object payload', () => {
    expect(isCommandMessage({ type: 'dpt/command', name: 'getState', payload: {} })).toBe(true);
    expect(isCommandMessage({ type: 'dpt/command', name: 'getState' })).toBe(false);
    expect(isCommandMessage({ type: 'dpt/command', name: 'toString', payload: {} })).toBe(false);
    expect(isCommandMessage(null)).toBe(false);
  });
});

// Type-level: a handler map without one command must not compile (checked by `npm run typecheck`).
// @ts-expect-error listSection is missing
export const incomplete: CommandHandlers<null> = {
  getState: async () => emptyState,
  checkPortal: unused,
  signIn: unused,
  signOut: unused,
  listRooms: unused,
  listFolder: unused,
};
