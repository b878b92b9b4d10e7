import { toErrorData } from '../errors/index.ts';
import {
  isCommandMessage,
  parseRequest,
  type CommandHandlers,
  type CommandName,
  type CommandReply,
} from '../protocol/index.ts';

/**
 * Runs the one handler registered for a command, with its payload checked against the command's schema, and
 * turns any failure into error data for the page. Returns undefined for messages that are not commands, so
 * other listeners may answer them.
 */
export async function dispatchCommand<Context>(
  handlers: CommandHandlers<Context>,
  message: unknown,
  context: Context,
): Promise<CommandReply | undefined> {
  if (!isCommandMessage(message)) return undefined;
  const name: CommandName = message.name;
  const handler = handlers[name] as (request: unknown, context: Context) => Promise<unknown>;
  try {
    const value = await handler(parseRequest(name, message.payload), context);
    return { ok: true, value } as CommandReply;
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}
