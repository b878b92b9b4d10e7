// What the user sees of the background outside its pages: the toolbar badge, a notification when a job ends
// (Open, Copy link, Undo), and the omnibox keyword. Built from the background's parts and the feedback port;
// the decisions are the pure functions of src/feedback/.
import { getFile, getFolder } from '../../src/docspace/api-entries.ts';
import { search } from '../../src/docspace/api-listing.ts';
import { sameOriginUrl, toFileEntry, toFolderEntry, toFolderPage } from '../../src/docspace/entries.ts';
import { appError, toErrorData } from '../../src/errors/index.ts';
import { badgeFor, sameBadge, type BadgeState } from '../../src/feedback/badge.ts';
import {
  actionOf,
  jobIdOfNotice,
  endOf,
  isNewEnd,
  noticeFor,
  withoutUndo,
  type JobNotice,
  type NoticeAction,
} from '../../src/feedback/job-notice.ts';
import { OmniboxSuggester, type OmniboxPortal } from '../../src/feedback/omnibox-suggester.ts';
import {
  defaultDescription,
  describe,
  MAX_SUGGESTIONS,
  toSuggestions,
  type OmniboxSuggestion,
} from '../../src/feedback/omnibox-suggestions.ts';
import type { Clock } from '../../src/scheduler/clock.ts';
import type { CommandHandlers, Entry, EntryRef, JobSummary, LocalText, PortalId } from '../../src/protocol/index.ts';
import { feedbackSettingsItem, jobNoticesItem } from '../../src/storage/schema.ts';
import type { CommandContext, FeedbackListeners, FeedbackPort } from '../platform/ports.ts';
import type { BackgroundContext } from './app.ts';
import { rootsOf } from './handlers/section-roots.ts';

/** The popup page, opened in a tab with the typed text as its search (Enter without a choice). */
export const POPUP_SEARCH_PATH = 'extension/popup/index.html';
/** The one suggestion a signed-out omnibox offers: choosing it opens the options page. */
export const OPTIONS_CONTENT = ':options';
const BADGE_DELAY_MS = 100;
const KEEP_NOTIFIED = 100;
const KEEP_NOTICES = 20;

type Handlers = Pick<CommandHandlers<CommandContext>, 'shareLink' | 'trashEntries'>;

export interface FeedbackDeps {
  port: FeedbackPort;
  background: BackgroundContext;
  handlers: () => Handlers;
  clock: Clock;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export type Feedback = ReturnType<typeof createFeedback>;

export function createFeedback({ port, background, handlers, clock, sleep }: FeedbackDeps) {
  const { storage, registry, sessions, jobs } = background;
  const t = (text: LocalText): string => port.t(text.key, text.params);
  const context: CommandContext = { senderUrl: '' };

  // The badge: recomputed from the job list shortly after any job changes (progress ticks come in bursts).
  let shown: BadgeState | null = null;
  let badgeTimer: unknown = null;
  const refreshBadge = async (): Promise<void> => {
    const badge = badgeFor(await jobs.list());
    if (sameBadge(shown, badge)) return;
    shown = badge;
    await port.setBadge({ text: badge.text, color: badge.color, title: t(badge.title) }).catch(() => (shown = null));
  };
  const badgeSoon = (): void => {
    if (badgeTimer !== null) return;
    badgeTimer = clock.setTimer(() => {
      badgeTimer = null;
      void refreshBadge();
    }, BADGE_DELAY_MS);
  };

  // Notifications.
  const render = (notice: JobNotice) => ({
    id: notice.id,
    title: t(notice.title),
    message: t(notice.message),
    buttons: port.noticeButtons ? notice.buttons.map((b) => port.t(BUTTON_KEYS[b])) : [],
  });
  const saveNotice = (notice: JobNotice) =>
    storage.update(jobNoticesItem, (state) => ({
      ...state,
      notices: [notice, ...state.notices.filter((n) => n.id !== notice.id)].slice(0, KEEP_NOTICES),
    }));
  const show = async (notice: JobNotice, how: 'new' | 'change' | 'ifShown' = 'change'): Promise<void> => {
    await saveNotice(notice);
    await port.notify(render(notice), how);
  };
  const undoTimers = new Map<string, unknown>();
  const expireUndoLater = (notice: JobNotice): void => {
    if (notice.undoUntil === undefined) return;
    clock.clearTimer(undoTimers.get(notice.id));
    undoTimers.set(
      notice.id,
      clock.setTimer(
        () => {
          undoTimers.delete(notice.id);
          void noticeOf(notice.id).then((current) => {
            // Undo's minute is over: its button goes, quietly; a notice the user closed is not brought back.
            if (current?.undoUntil !== undefined) return show(withoutUndo(current), 'ifShown');
          });
        },
        Math.max(0, notice.undoUntil - clock.now()),
      ),
    );
  };
  const noticeOf = async (id: string): Promise<JobNotice | undefined> =>
    (await storage.get(jobNoticesItem)).notices.find((n) => n.id === id);

  const jobFinished = async (summary: JobSummary): Promise<void> => {
    // Only a finished job is looked up: progress ticks (every 200 ms) never touch storage.
    if (summary.status !== 'done' && summary.status !== 'failed') return;
    let fresh = false;
    await storage.update(jobNoticesItem, (state) => {
      fresh = isNewEnd(summary, state.notified);
      return fresh ? { ...state, notified: [endOf(summary), ...state.notified].slice(0, KEEP_NOTIFIED) } : state;
    });
    if (!fresh || !(await storage.get(feedbackSettingsItem)).notifications) return;
    const notice = noticeFor(summary, clock.now());
    if (!notice) return;
    await show(notice, 'new');
    expireUndoLater(notice);
  };

  const summaryOf = async (jobId: string): Promise<JobSummary> => {
    const summary = (await jobs.list()).find((job) => job.id === jobId);
    if (!summary) throw appError('jobNotFound', {});
    return summary;
  };
  const webUrlOf = async (portalId: PortalId, entry: EntryRef): Promise<string> => {
    const session = await sessions.require(portalId);
    const url =
      entry.kind === 'file'
        ? toFileEntry(await getFile(session.client, entry.id), session.origin).webUrl
        : toFolderEntry(await getFolder(session.client, entry.id), session.origin).webUrl;
    if (!url) throw appError('badResponseField', { origin: session.origin, field: 'webUrl' });
    return url;
  };

  const act = async (notice: JobNotice, action: NoticeAction | 'expired'): Promise<void> => {
    const summary = await summaryOf(notice.jobId);
    const result = summary.result;
    // A kind that says nothing about what it left has nothing to open: the click just closes the notice.
    if (!result) return port.clearNotice(notice.id);
    switch (action) {
      case 'open':
        await port.openUrl(await webUrlOf(summary.portalId, result.open));
        await port.clearNotice(notice.id);
        return;
      case 'copyLink': {
        const link = await handlers().shareLink({ portalId: summary.portalId, entry: result.open }, context);
        await port.copyText(link.url);
        return show({ ...notice, message: { key: 'noticeLinkCopied', params: [] } });
      }
      case 'undo': {
        const made = result.made ?? [];
        const fromFolderId = summary.folderIds.at(-1) ?? result.open.id;
        await handlers().trashEntries({ portalId: summary.portalId, entries: made, fromFolderId }, context);
        background.entriesChanged(summary.portalId, summary.folderIds);
        return show(withoutUndo(notice, { key: 'noticeUndone', params: [String(made.length)] }));
      }
      case 'expired':
        return show(withoutUndo(notice, { key: 'noticeUndoExpired', params: [] }));
    }
  };
  /** A failed action says why in the same notification, in the user's words. */
  const acting = async (id: string, pick: (notice: JobNotice) => NoticeAction | 'expired' | null) => {
    const notice = await noticeOf(id);
    if (!notice) return;
    const action = pick(notice);
    if (!action) return;
    try {
      await act(notice, action);
    } catch (error) {
      const data = toErrorData(error);
      await show({ ...notice, message: { key: `err_${data.key}`, params: data.params } }).catch(() => undefined);
    }
  };

  // The omnibox.
  const activePortal = async (): Promise<OmniboxPortal> => {
    const id = registry.shownPortalId();
    const record = id ? registry.get(id) : undefined;
    if (!record) return null;
    return { id: record.id, signedIn: !record.needsSignIn && (await background.hasHostPermission(record.origin)) };
  };
  const searchPortal = async (portalId: PortalId, query: string, signal: AbortSignal): Promise<Entry[]> => {
    const session = await sessions.require(portalId);
    const roots = await rootsOf(session);
    // Files anywhere in the rooms and in My documents: what one opens from the address bar.
    const scopes = [roots.rooms, roots.my].filter((id) => id !== undefined);
    const answers = await Promise.allSettled(
      scopes.map((folderId, index) =>
        search(
          session.client,
          query,
          { folderId },
          {
            count: MAX_SUGGESTIONS * 2,
            lane: 'interactive',
            supersedeKey: `omnibox:${portalId}:${index}`,
            signal,
          },
        ),
      ),
    );
    const found = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    if (found.length === 0 && answers[0]?.status === 'rejected') throw answers[0].reason;
    return found.flatMap((dto) => toFolderPage(dto, portalId, session.origin, 0).entries);
  };
  const suggester = new OmniboxSuggester({
    portal: activePortal,
    search: searchPortal,
    sleep: (ms, signal) => sleep(ms, signal),
    now: () => clock.now(),
  });
  const markup = port.omniboxMarkup;
  const tr = (key: string, params?: string[]) => port.t(key, params);

  const omniboxInput: FeedbackListeners['omniboxInput'] = async (text) => {
    const outcome = await suggester.suggest(text);
    switch (outcome.kind) {
      case 'superseded':
        return null;
      case 'tooShort':
        return { suggestions: [], defaultDescription: describe('omniboxHint', markup, tr) };
      case 'signedOut': {
        const signIn: OmniboxSuggestion = {
          content: OPTIONS_CONTENT,
          description: describe('omniboxSignIn', markup, tr),
        };
        return { suggestions: [signIn], defaultDescription: describe('omniboxSignIn', markup, tr) };
      }
      case 'error':
        return {
          suggestions: [],
          defaultDescription: describe(`err_${outcome.error.key}`, markup, tr, outcome.error.params),
        };
      case 'results': {
        const suggestions = toSuggestions(outcome.entries, outcome.query, markup, tr);
        const none = suggestions.length === 0 ? describe('omniboxNothing', markup, tr, [outcome.query]) : null;
        return { suggestions, defaultDescription: none ?? defaultDescription(outcome.query, markup, tr) };
      }
    }
  };

  const omniboxEnter: FeedbackListeners['omniboxEnter'] = async (text, where) => {
    suggester.cancel();
    const portal = await activePortal();
    if (text === OPTIONS_CONTENT || !portal?.signedIn) return port.openOptions();
    // A chosen suggestion hands back its address; only one on the portal's own origin is opened.
    const origin = registry.get(portal.id)?.origin;
    const url = origin ? sameOriginUrl(text.trim(), origin) : null;
    if (url && /^https?:\/\//i.test(text.trim())) return port.openUrl(url, where);
    const query = text.trim().slice(0, 200);
    return port.openPage(`${POPUP_SEARCH_PATH}?q=${encodeURIComponent(query)}`, where);
  };

  return {
    /** Every job summary the manager announces. */
    jobChanged(summary: JobSummary): void {
      badgeSoon();
      void jobFinished(summary).catch((error: unknown) => console.warn('No notification:', String(error)));
    },
    jobRemoved(jobId: string): void {
      badgeSoon();
      void noticeOf(`dpt-job/${jobId}`).then((notice) => notice && port.clearNotice(notice.id));
    },
    refreshBadge,
    /** Portals changed: suggestions of before may show what an account can no longer see. */
    portalsChanged: () => suggester.forget(),
    listeners: {
      omniboxInput,
      omniboxEnter,
      omniboxCancelled: () => suggester.cancel(),
      noticeClicked: (id) => (jobIdOfNotice(id) ? acting(id, () => 'open') : Promise.resolve()),
      noticeButton: (id, index) =>
        jobIdOfNotice(id) ? acting(id, (notice) => actionOf(notice, index, clock.now())) : Promise.resolve(),
    } satisfies FeedbackListeners,
    settingsHandlers: {
      getFeedbackSettings: () => storage.get(feedbackSettingsItem),
      setFeedbackSettings: async (settings) => {
        await storage.set(feedbackSettingsItem, { notifications: settings.notifications });
        return storage.get(feedbackSettingsItem);
      },
    } satisfies Pick<CommandHandlers<CommandContext>, 'getFeedbackSettings' | 'setFeedbackSettings'>,
  };
}

const BUTTON_KEYS: Record<NoticeAction, string> = {
  open: 'noticeOpen',
  copyLink: 'noticeCopyLink',
  undo: 'noticeUndo',
};
