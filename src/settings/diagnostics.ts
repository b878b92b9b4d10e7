import type { JobSummary, PortalLimits, PortalSummary, SchedulerSnapshot } from '../protocol/index.ts';
import type { GlobalSettings, PortalPrefs } from './preferences.ts';

export const DIAGNOSTICS_FORMAT = 'docspace-power-tools/diagnostics';

export interface DiagnosticsInput {
  extensionVersion: string;
  now: Date;
  settings: GlobalSettings;
  portals: Array<{
    summary: PortalSummary;
    limits: PortalLimits;
    prefs: PortalPrefs;
    snapshot: SchedulerSnapshot | null;
  }>;
  jobs: JobSummary[];
}

/**
 * What a user can attach to a bug report. Built by allow-list, field by field, so nothing added to a record
 * later leaks into it: no credential, token, cookie or key (none is ever an input here), no person (the
 * account's name and e-mail are left out), and no file or folder name (job titles, item labels and the
 * parameters of messages are left out; error keys and HTTP statuses stay, they are what explains a failure).
 */
export function buildDiagnostics(input: DiagnosticsInput) {
  return {
    format: DIAGNOSTICS_FORMAT,
    version: 1,
    createdAt: input.now.toISOString(),
    extensionVersion: input.extensionVersion,
    settings: { theme: input.settings.theme, language: input.settings.language },
    portals: input.portals.map(({ summary, limits, prefs, snapshot }) => ({
      id: summary.id,
      origin: summary.origin,
      portalVersion: summary.version,
      authMethod: summary.authMethod,
      status: summary.status,
      limits: { ...limits },
      limitProfile: prefs.limitProfile ?? null,
      popupSections: prefs.popupSections ?? null,
      scheduler: snapshot && schedulerFacts(snapshot),
    })),
    jobs: input.jobs.map((job) => ({
      id: job.id,
      kind: job.kind,
      portalId: job.portalId,
      status: job.status,
      waitingFor: job.waitingFor ?? null,
      total: job.total,
      done: job.done,
      skipped: job.skipped,
      failed: job.failed,
      bytes: job.bytes ?? null,
      error: job.error ? { key: job.error.key, code: job.error.code, status: job.error.status ?? null } : null,
      failures: job.failures.map((f) => ({ key: f.error.key, status: f.error.status ?? null })),
      createdAt: job.createdAt,
      updatedAt: job.updatedAt,
    })),
  };
}

export type Diagnostics = ReturnType<typeof buildDiagnostics>;

/** The message key of a scheduler event ("sessionRejected: https://…" → "sessionRejected"). */
export const eventKey = (message: string) => message.split(':', 1)[0]!.trim();

function schedulerFacts(s: SchedulerSnapshot) {
  return {
    at: new Date(s.at).toISOString(),
    windows: s.windows.map((w) => ({ ...w })),
    concurrency: s.concurrency,
    dailyWrites: s.dailyWrites,
    pause: s.pause,
    queued: s.queued,
    reserveHeld: s.reserveHeld ?? null,
    tabsObserved: s.tabsObserved ?? null,
    recent: s.recent.map((e) => ({
      at: new Date(e.at).toISOString(),
      kind: e.kind,
      status: e.status ?? null,
      key: eventKey(e.message),
    })),
  };
}
