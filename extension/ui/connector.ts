import type { CommandName, CommandRequest, CommandResponse, EventName, Events } from '../../src/protocol/index.ts';

/** The one way UI code reaches the background; tests pass an in-memory fake instead. */
export interface Connector {
  send<K extends CommandName>(name: K, payload: CommandRequest<K>): Promise<CommandResponse<K>>;
  on<K extends EventName>(name: K, listener: (payload: Events[K]) => void): () => void;
}
