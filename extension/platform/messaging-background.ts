import { dispatchCommand } from '../../src/messaging/dispatch.ts';
import { isOwnPage } from '../../src/messaging/sender.ts';
import {
  EVENTS_PORT_NAME,
  type CommandHandlers,
  type EventMessage,
  type EventName,
  type Events,
} from '../../src/protocol.ts';
import { browser, type Runtime } from './browser.ts';

export interface CommandContext {
  sender: Runtime.MessageSender;
}

const ownBaseUrl = (): string => browser.runtime.getURL('');
const fromOwnPage = (sender: Runtime.MessageSender): boolean =>
  isOwnPage(
    { id: sender.id, url: sender.url, origin: (sender as { origin?: string }).origin },
    browser.runtime.id,
    ownBaseUrl(),
  );

/**
 * Registers the command listener synchronously (so a message that wakes the worker is not lost) and runs
 * each command only after `ready` (state rehydrated from storage).
 */
export function registerCommandHandlers(handlers: CommandHandlers<CommandContext>, ready: Promise<void>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!fromOwnPage(sender)) return undefined;
    return ready.then(() => dispatchCommand(handlers, message, { sender }));
  });
}

const ports = new Set<Runtime.Port>();

export function registerEventPorts(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== EVENTS_PORT_NAME || !port.sender || !fromOwnPage(port.sender)) {
      port.disconnect();
      return;
    }
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
  });
}

export function broadcast<K extends EventName>(name: K, payload: Events[K]): void {
  const message: EventMessage<K> = { type: 'dpt/event', name, payload };
  for (const port of ports) {
    try {
      port.postMessage(message);
    } catch {
      ports.delete(port);
    }
  }
}
