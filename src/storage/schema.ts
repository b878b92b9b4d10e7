/**
 * Every item the extension stores, in one place: key, area, version, fallback, migrations, and what signing
 * out and removing a portal do to it. Nothing else names a storage key.
 *
 * To add an item: declare it here (a new name, version 1), add it to SCHEMA, and reach it through
 * `TypedStorage` with the handle. To change a stored shape: raise its version and add the migration that
 * turns the previous shape into the new one (with a dated note saying when it can be dropped).
 */
import { defaultSaveSettings, type SaveFolder, type SaveSettings } from '../capture/save-settings.ts';
import type { Credentials } from '../docspace/credentials.ts';
import type { JobRecord } from '../jobs/job-record.ts';
import type { SaveInput } from '../jobs/kinds/save.ts';
import type { PortalId as Portal } from '../protocol/index.ts';
import type { PortalRecord } from '../portals/portal-record.ts';
import type { JobNotice } from '../feedback/job-notice.ts';
import type { FolderPage, PortalId, PortalLimits, ViewState } from '../protocol/index.ts';
import type { PersistedBudget } from '../scheduler/budget.ts';
import { DEFAULT_SETTINGS, type GlobalSettings, type PortalPrefs } from '../settings/preferences.ts';
import { globalItem, portalItem, recordItem, type AnyItem } from './item.ts';
import { jobFromV1 } from './migrations/job-v1.ts';

export const portalsItem = globalItem<PortalRecord[]>('portals', 'portals', { fallback: () => [] });

export const activePortalItem = globalItem<PortalId | null>('activePortalId', 'activePortalId', {
  fallback: () => null,
});

/** Secrets: never synced, never exported, never logged, out of every content script's reach; gone at sign-out. */
export const credentialsItem = portalItem<Credentials | null>('credentials', 'credentials', {
  area: 'secure',
  version: 2,
  // v1 (until 2026-12): in storage.local, where a content script could read it. Drop after 2027-06.
  movedFrom: { area: 'local', version: 2 },
  migrations: { 2: (value) => value },
  fallback: () => null,
  onSignOut: 'delete',
  onRemove: 'delete',
});

/**
 * Credentials the user chose not to remember: storage.session, gone when the browser closes (the account then
 * asks to be signed in again). Same rules as `credentialsItem` otherwise.
 */
export const sessionCredentialsItem = portalItem<Credentials | null>('sessionCredentials', 'sessionCredentials', {
  area: 'session',
  fallback: () => null,
  onSignOut: 'delete',
  onRemove: 'delete',
});

export const limitsItem = portalItem<PortalLimits>('limits', 'limits', {
  fallback: () => ({}),
  onSignOut: 'keep',
  onRemove: 'delete',
});

/**
 * What the account spent of the portal's limits. It outlives a sign-out (the portal still counts those
 * requests) but a server pause does not: a new sign-in starts without it.
 */
export const budgetItem = portalItem<PersistedBudget | null>('budget', 'budget', {
  fallback: () => null,
  onSignOut: (budget) => (budget ? { ...budget, pause: null } : undefined),
  onRemove: 'delete',
});

/** Where the popup was, per account: it opens there again. */
export const viewStateItem = portalItem<ViewState | null>('viewState', 'view', {
  fallback: () => null,
  onSignOut: 'keep',
  onRemove: 'delete',
});

/**
 * The page the popup showed last, per account, for a worker that starts cold: it is painted at once and
 * refreshed behind it. In session storage: it holds file names, and needs no life beyond the browser's.
 */
export const lastPageItem = portalItem<{ view: string; page: FolderPage } | null>('lastPage', 'lastPage', {
  area: 'session',
  fallback: () => null,
  onSignOut: 'delete',
  onRemove: 'delete',
});

/** How the account saves from pages: default folder, recent destinations, name template, conflict policy. */
export const saveSettingsItem = portalItem<SaveSettings>('saveSettings', 'saveSettings', {
  fallback: defaultSaveSettings,
  onSignOut: 'keep',
  onRemove: 'delete',
});

/**
 * Saves made from a menu's "Choose folder…", waiting for the picker page's choice; their bytes are in the blob
 * store already. Session storage: a choice not made before the browser closes is dropped with it.
 */
export const pendingSavesItem = globalItem<Record<string, PendingSave>>('pendingSaves', 'pendingSaves', {
  area: 'session',
  fallback: () => ({}),
});

/** Newest first; running jobs and the most recent finished ones. */
export const jobIndexItem = globalItem<string[]>('jobIndex', 'jobs/index', { fallback: () => [] });

export const jobItem = recordItem<JobRecord | null>('job', 'job', {
  version: 2,
  fallback: () => null,
  // v1 (until 2026-12): the create-folders record before the generic engine. Drop after 2027-06.
  migrations: { 2: jobFromV1 },
  portalOf: (job) => job?.portalId,
  onRemove: 'delete',
});

/** Theme and language, for every page. Not synced: nothing of the extension's is. */
export const settingsItem = globalItem<GlobalSettings>('settings', 'settings', {
  fallback: () => ({ ...DEFAULT_SETTINGS }),
});

/** How the user wants a portal to behave: its limit profile, the popup's sections. Kept over a sign-out. */
export const portalPrefsItem = portalItem<PortalPrefs>('portalPrefs', 'portalPrefs', {
  fallback: () => ({}),
  onSignOut: 'keep',
  onRemove: 'delete',
});
/** What the user chose about the extension's own feedback (the toolbar badge has no switch: it is always on). */
export const feedbackSettingsItem = globalItem<{ notifications: boolean }>('feedbackSettings', 'feedback/settings', {
  fallback: () => ({ notifications: true }),
});

/**
 * The job ends that got a notification (`id@updatedAt`, so a worker that starts again does not repeat one, and a
 * retried job's next end is told) and the notices still
 * offering their buttons (so a click reaching a worker that started after the notice was shown still knows them).
 */
export const jobNoticesItem = globalItem<{ notified: string[]; notices: JobNotice[] }>(
  'jobNotices',
  'feedback/notices',
  {
    fallback: () => ({ notified: [], notices: [] }),
  },
);

export const SCHEMA: readonly AnyItem[] = [
  portalsItem,
  activePortalItem,
  credentialsItem,
  sessionCredentialsItem,
  limitsItem,
  budgetItem,
  viewStateItem,
  lastPageItem,
  jobIndexItem,
  jobItem,
  settingsItem,
  portalPrefsItem,
  feedbackSettingsItem,
  jobNoticesItem,
  saveSettingsItem,
  pendingSavesItem,
] as unknown as AnyItem[];

export interface PendingSave {
  portalId: Portal;
  inputs: SaveInput[];
  createdAt: number;
  /** The linked file's or image's site the extension may not read yet: the picker page asks, with the reason. */
  needsOrigin?: string;
  /** Where it goes once allowed (a menu entry named the folder); without it the picker asks. */
  folder?: SaveFolder;
}
