import { browser } from './browser.ts';

const PREFIX = 'wake/';

/** A pause longer than the worker's idle life is bridged by an alarm that wakes it again. */
export function scheduleWake(name: string, when: number): void {
  void browser.alarms.create(`${PREFIX}${name}`, { when });
}

export function onWake(listener: (name: string) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(PREFIX)) listener(alarm.name.slice(PREFIX.length));
  });
}
