import { browser } from './browser.ts';

const PREFIX = 'wake/';

/** A pause longer than the worker's idle life is bridged by an alarm that wakes it again. */
export function scheduleWake(name: string, when: number): void {
  void browser.alarms.create(`${PREFIX}${name}`, { when });
}

/** While background work is under way, wake the worker every 30 s so a stopped worker picks it up again. */
export function keepWaking(name: string, on: boolean): void {
  if (on) void browser.alarms.create(`${PREFIX}${name}`, { periodInMinutes: 0.5 });
  else void browser.alarms.clear(`${PREFIX}${name}`);
}

export function onWake(listener: (name: string) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(PREFIX)) listener(alarm.name.slice(PREFIX.length));
  });
}
