import * as v from 'valibot';
import type { PortalId } from './common.ts';
import { command, portalIdSchema } from './define.ts';

/** Per-portal overrides of the request limits (what is left out keeps DocSpace's defaults). */
const limitsSchema = v.object({
  /** Share of each limit the extension may use, 0.05..1 (default 1). */
  safetyMargin: v.optional(v.number()),
  /** Multiplies every time window; below 1 only for test portals whose windows are scaled the same way. */
  windowScale: v.optional(v.number()),
  requestsPer10s: v.optional(v.number()),
  requestsPerMinute: v.optional(v.number()),
  concurrentReads: v.optional(v.number()),
  concurrentWrites: v.optional(v.number()),
  dailyWrites: v.optional(v.number()),
  sensitivePer15min: v.optional(v.number()),
});
export type PortalLimits = v.InferOutput<typeof limitsSchema>;

export interface SchedulerEvent {
  at: number;
  kind: 'refused' | 'retry' | 'error';
  status?: number;
  message: string;
}

/** What the background's request scheduler for one portal account is doing, for the Activity view and banners. */
export interface SchedulerSnapshot {
  key: PortalId;
  at: number;
  windows: Array<{
    name: string;
    used: number;
    limit: number;
    windowMs: number;
    /** Of `used`: the extension's requests, the user's DocSpace tabs' (observed), unknown others' (server headers, or assumed after a restart). */
    ours?: number;
    tabs?: number;
    others?: number;
    /** Share of this window the extension allows itself now, 0..1 (lowered after unexplained refusals, AIMD). */
    share?: number;
  }>;
  /** `tabs`: of `inFlight`, requests of the user's DocSpace tabs. */
  concurrency: Record<'read' | 'write', { inFlight: number; cap: number; limit: number; tabs?: number }>;
  dailyWrites: { used: number; limit: number };
  /** `until` is epoch ms; null while waiting for a new sign-in. `requestedUntil`: the server asked for longer (capped). */
  pause: {
    until: number | null;
    reason: 'retryAfter' | 'rateLimitReset' | 'backoff' | 'unauthorized';
    requestedUntil?: number;
  } | null;
  queued: { interactive: number; user: number; bulk: number };
  recent: SchedulerEvent[];
  /** Bulk work keeps the interactive reserve free now (an extension page or a DocSpace tab in use). */
  reserveHeld?: boolean;
  /**
   * The user's DocSpace tabs' requests to this portal are seen (the optional webRequest permission is granted
   * and the background watches them); false: `tabs` stays 0 and only the server's answers tell of them.
   */
  tabsObserved?: boolean;
}

export const activityCommands = {
  getActivity: command<SchedulerSnapshot | null>()(v.object({ portalId: portalIdSchema })),
  setLimits: command<PortalLimits>()(v.object({ portalId: portalIdSchema, limits: limitsSchema })),
  /** The user's "resume now": the portal's pause is lifted and waiting requests go (a new refusal pauses again). */
  resumeRequests: command<SchedulerSnapshot | null>()(v.object({ portalId: portalIdSchema })),
};

export interface ActivityEvents {
  schedulerChanged: SchedulerSnapshot;
}
