import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Connector } from '../../../extension/ui/connector.ts';
import {
  COMMANDS,
  type CommandName,
  type CommandRequest,
  type CommandResponse,
  type EventName,
  type Events,
  type FolderPage,
  type JobSummary,
} from '../../../src/protocol/index.ts';

// Type-level: checked by `npm run typecheck` (tsc), which includes the tests. A wrong type fails the build.
const connector = { send: () => Promise.reject(new Error('type-level only')), on: () => () => undefined } as Connector;

describe('the protocol seen from a page', () => {
  it('types send by command name: request in, response out', () => {
    expectTypeOf(connector.send<'listFolder'>)
      .parameter(1)
      .toEqualTypeOf<CommandRequest<'listFolder'>>();
    expectTypeOf<CommandResponse<'listFolder'>>().toEqualTypeOf<FolderPage>();
    expectTypeOf<CommandResponse<'createFolders'>>().toEqualTypeOf<JobSummary>();
    expectTypeOf<CommandRequest<'listFolder'>>().toHaveProperty('folderId').toEqualTypeOf<number | string>();
    // @ts-expect-error an unknown command does not compile
    void (() => connector.send('deleteEverything', {}));
    // @ts-expect-error a request missing a field does not compile
    void (() => connector.send('listFolder', { portalId: 'p' }));
    // @ts-expect-error a request of the wrong type does not compile
    void (() => connector.send('cancelJob', { jobId: 7 }));
  });

  it('types events by name, every name saying what changed', () => {
    expectTypeOf<Events['jobChanged']>().toEqualTypeOf<JobSummary>();
    expectTypeOf<EventName>().toEqualTypeOf<
      | 'stateChanged'
      | 'entriesChanged'
      | 'schedulerChanged'
      | 'jobChanged'
      | 'jobRemoved'
      | 'settingsChanged'
      | 'portalBehaviourChanged'
    >();
    // @ts-expect-error the old, mixed-tense names are gone
    void (() => connector.on('listingChanged', () => undefined));
  });

  it('has one runtime entry, with a request schema, per command type (no list kept by hand)', () => {
    // The type of the name list is derived from this object; here every entry is a real schema at run time.
    expectTypeOf<keyof typeof COMMANDS>().toEqualTypeOf<CommandName>();
    for (const definition of Object.values(COMMANDS)) expect(definition.request).toHaveProperty('kind', 'schema');
    expect(Object.keys(COMMANDS)).toEqual(
      expect.arrayContaining(['getState', 'listFolder', 'createFolders', 'renameEntry']),
    );
  });
});
