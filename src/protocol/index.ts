/**
 * The one contract between the background and the extension's pages (popup, options, later the side panel).
 * Pages send commands and get a reply or an error as data; the background pushes events to open pages.
 * Everything here must survive JSON: ids, strings, numbers, ISO date strings; no Date, Map or Error.
 * Each domain declares its commands in its own file; this file composes them into one map.
 */
import * as v from 'valibot';
import { appError, type ErrorData } from '../errors/index.ts';
import { activityCommands, type ActivityEvents } from './activity.ts';
import { browseCommands } from './browse.ts';
import { captureCommands } from './capture.ts';
import type { CommandDef } from './define.ts';
import { entriesCommands, type EntriesEvents } from './entries.ts';
import { feedbackCommands } from './feedback.ts';
import { jobCommands, type JobEvents } from './jobs.ts';
import { portalCommands, type PortalEvents } from './portals.ts';
import { settingsCommands, type SettingsEvents } from './settings.ts';
import { sharingCommands } from './sharing.ts';

export type { ErrorCode, ErrorData, UserAction } from '../errors/index.ts';
export type * from './activity.ts';
export type * from './browse.ts';
export type * from './capture.ts';
export type * from './common.ts';
export type * from './entries.ts';
export type * from './feedback.ts';
export type * from './jobs.ts';
export type * from './portals.ts';
export type * from './settings.ts';
export type * from './sharing.ts';

export const COMMANDS = {
  ...portalCommands,
  ...browseCommands,
  ...entriesCommands,
  ...activityCommands,
  ...jobCommands,
  ...sharingCommands,
  ...settingsCommands,
  ...feedbackCommands,
  ...captureCommands,
};

type Definitions = typeof COMMANDS;
export type CommandName = keyof Definitions;
export type Commands = {
  [K in CommandName]: Definitions[K] extends CommandDef<infer Request, infer Response>
    ? { request: Request; response: Response }
    : never;
};
export type CommandRequest<K extends CommandName> = Commands[K]['request'];
export type CommandResponse<K extends CommandName> = Commands[K]['response'];

/** Event name → payload, pushed from the background to every open page. Every name says what changed. */
export type Events = PortalEvents & EntriesEvents & ActivityEvents & JobEvents & SettingsEvents;
export type EventName = keyof Events;

export interface CommandMessage<K extends CommandName = CommandName> {
  type: 'dpt/command';
  name: K;
  payload: CommandRequest<K>;
}

export type CommandReply<K extends CommandName = CommandName> =
  { ok: true; value: CommandResponse<K> } | { ok: false; error: ErrorData };

export interface EventMessage<K extends EventName = EventName> {
  type: 'dpt/event';
  name: K;
  payload: Events[K];
}

/** Exactly one handler per command; leaving one out is a compile error. */
export type CommandHandlers<Context> = {
  [K in CommandName]: (request: CommandRequest<K>, context: Context) => Promise<CommandResponse<K>>;
};

export { EVENTS_PORT_NAME } from './wire.ts';

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(COMMANDS, name);
}

export function isCommandMessage(value: unknown): value is CommandMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Partial<CommandMessage>;
  return (
    message.type === 'dpt/command' &&
    isCommandName(message.name) &&
    typeof message.payload === 'object' &&
    message.payload !== null
  );
}

/** Checks a payload against its command's schema; what comes out has only the declared fields. */
export function parseRequest<K extends CommandName>(name: K, payload: unknown): CommandRequest<K> {
  const result = v.safeParse(COMMANDS[name].request, payload);
  if (result.success) return result.output as CommandRequest<K>;
  const issue = result.issues[0];
  const where = issue?.path?.map((p) => String(p.key)).join('.') || 'payload';
  throw appError('commandInvalid', { command: name, detail: where });
}
