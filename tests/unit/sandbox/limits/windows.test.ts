import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../sandbox/limits/clock.ts';
import { RateLimits } from '../../../sandbox/limits/limiter.ts';
import { ConcurrencyCounter, FixedWindowCounter, SlidingWindowLog } from '../../../sandbox/limits/windows.ts';

describe('SlidingWindowLog', () => {
  it('counts a request at t until t + window, exactly', () => {
    const log = new SlidingWindowLog(2, 1_000);
    expect(log.tryAcquire('a', 0)).toBeNull();
    expect(log.tryAcquire('a', 400)).toBeNull();
    expect(log.tryAcquire('a', 999)).toEqual({ limit: 2, remaining: 0, freeAtMs: 1_000 });
    expect(log.tryAcquire('a', 1_000)).toBeNull(); // the request at 0 left; 400 and 1000 are in
    expect(log.tryAcquire('a', 1_399)).toEqual({ limit: 2, remaining: 0, freeAtMs: 1_400 });
    expect(log.count('a', 1_399)).toBe(2); // the refused ones were not recorded
    expect(log.tryAcquire('b', 1_399)).toBeNull(); // partitions are independent
    expect(log.count('a', 2_000)).toBe(0);
    expect(log.keys(2_000)).toEqual(['b']);
  });
});

describe('FixedWindowCounter', () => {
  it('opens at the first request, does not count refusals, and resets at the window end', () => {
    const fw = new FixedWindowCounter(2, 1_000);
    expect(fw.tryAcquire('a', 100)).toBeNull();
    expect(fw.tryAcquire('a', 200)).toBeNull();
    expect(fw.tryAcquire('a', 300)).toEqual({ limit: 2, remaining: 0, freeAtMs: 1_100 });
    expect(fw.usage('a', 300)).toEqual({ count: 2, endMs: 1_100 });
    expect(fw.tryAcquire('a', 1_099)).not.toBeNull();
    expect(fw.tryAcquire('a', 1_100)).toBeNull();
    expect(fw.usage('a', 1_100)).toEqual({ count: 1, endMs: 2_100 });
  });
});

describe('ConcurrencyCounter', () => {
  it('refuses past the limit and frees on release (once)', () => {
    const c = new ConcurrencyCounter(1);
    const release = c.tryAcquire('a');
    expect(release).not.toBeNull();
    expect(c.tryAcquire('a')).toBeNull();
    release!();
    release!();
    expect(c.count('a')).toBe(0);
    expect(c.tryAcquire('a')).not.toBeNull();
  });
});

describe('RateLimits chain', () => {
  it('a request admitted by the sliding window but refused by the concurrency limiter still counts in the window', () => {
    const clock = manualClock(0);
    const limits = new RateLimits({ profile: 'server', clock, values: { perMinute: 3, concurrentGet: 1 } });
    const req = { method: 'GET', path: '/api/2.0/files/@my', userId: 'u', ip: '127.0.0.1' };
    const first = limits.admit(req);
    expect(first.ok).toBe(true);
    const second = limits.admit(req);
    expect(second).toMatchObject({ ok: false, rule: 'server/concurrent-get' });
    expect(limits.snapshot().usage.u).toEqual({ 'server/sliding': 2, 'server/concurrent-get': 1 });
    if (first.ok) first.release();
    expect(limits.admit(req).ok).toBe(true);
    const refused = limits.admit(req); // 3 in the window now
    expect(refused).toMatchObject({ ok: false, rule: 'server/sliding' });
    expect(limits.snapshot().usage.u?.['server/sliding']).toBe(3);
  });

  it('partitions by user in the server profile, by account+IP in the documented one; anonymous by IP', () => {
    const limits = new RateLimits({ profile: 'server', values: { perMinute: 1 } });
    expect(limits.admit({ method: 'GET', path: '/', userId: null, ip: '10.0.0.1' }).ok).toBe(true);
    expect(limits.admit({ method: 'GET', path: '/', userId: null, ip: '10.0.0.2' }).ok).toBe(true);
    expect(limits.admit({ method: 'GET', path: '/', userId: 'u', ip: '10.0.0.1' }).ok).toBe(true);
    expect(limits.admit({ method: 'GET', path: '/', userId: 'u', ip: '10.0.0.2' }).ok).toBe(false);
    limits.configure({ profile: 'documented', values: { burst: 1 } });
    expect(limits.admit({ method: 'GET', path: '/', userId: 'u', ip: '10.0.0.1' }).ok).toBe(true);
    expect(limits.admit({ method: 'GET', path: '/', userId: 'u', ip: '10.0.0.2' }).ok).toBe(true);
    expect(limits.admit({ method: 'GET', path: '/', userId: 'u', ip: '10.0.0.2' }).ok).toBe(false);
    expect(Object.keys(limits.snapshot().usage).sort()).toEqual(['u@10.0.0.1', 'u@10.0.0.2']);
  });

  it('rejects unknown profiles, scales and value names', () => {
    expect(() => new RateLimits({ profile: 'fast' as never })).toThrow(/profile/);
    expect(() => new RateLimits({ windowScale: 0 })).toThrow(/windowScale/);
    expect(() => new RateLimits({ values: { bogus: 1 } as never })).toThrow(/bogus/);
  });
});
