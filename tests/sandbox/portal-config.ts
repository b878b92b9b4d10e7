// Fixed facts about the emulated portal. One place, so that settings, dates and URLs agree.

export const PORTAL = {
  version: '3.7.2',
  documentServerVersion: '9.1.0',
  culture: 'en-US',
  name: 'Sandbox DocSpace',
  tenantAlias: 'sandbox',
  tenantId: 1,
  /** A zone without daylight saving keeps seeded dates stable all year. */
  timeZone: 'Europe/Istanbul',
  utcOffsetMinutes: 180,
  /** PasswordHasher defaults of the real server; the salt is fixed so client-side hashes are reproducible. */
  passwordHash: { size: 256, iterations: 100_000, salt: '8b8d1c2f5e3a4b6c9d0e1f2a3b4c5d6e' },
  bruteForce: { attempts: 5, windowMs: 60_000 },
  /** ApiContext.MaxCount / DefaultCount. */
  maxCount: 100,
  defaultCount: 100,
  trashLifetimeDays: 30,
} as const;
