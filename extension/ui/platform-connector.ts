import { sendCommand, subscribeEvents } from '../platform/messaging-page.ts';
import type { Connector } from './connector.ts';

export function createPlatformConnector(): Connector {
  const events = subscribeEvents();
  return { send: sendCommand, on: (name, listener) => events.on(name, listener) };
}
