// HistoryDto (files/file/{id}/log, files/folder/{id}/log): newest first; the actions
// HistoryEntry groups (uploads, moves, copies, member invitations … by the same person in the same
// minute and folder) become one item whose `related` holds the others. `count`/`total` count the
// raw events, as HistoryApiHelper sets them before grouping.
import { apiDate } from '../dates.ts';
import { downloadUrl } from '../dto/entries.ts';
import { employeeDto, groupSummaryDto } from '../dto/employee.ts';
import { PORTAL } from '../portal-config.ts';
import type { SandboxStore } from '../store.ts';
import type { EntryRecord, HistoryEventRecord } from '../store-records.ts';
import { ACTION_ALIASES, actionName, HistoryAction } from './record.ts';

const GROUPED = new Set<number>([
  HistoryAction.FileUploaded,
  HistoryAction.FileMoved,
  HistoryAction.FileCopied,
  HistoryAction.FolderMoved,
  HistoryAction.FolderCopied,
  HistoryAction.FileDeleted,
  HistoryAction.FileConverted,
  HistoryAction.FolderDeleted,
  HistoryAction.RoomCreateUser,
  HistoryAction.RoomGroupAdded,
  HistoryAction.RoomInviteResend,
]);

export function eventsOf(store: SandboxStore, entry: EntryRecord, from?: Date, to?: Date): HistoryEventRecord[] {
  const ref = `${entry.kind}:${entry.id}`;
  return store.historyEvents
    .filter((e) => e.refs.includes(ref) && (!from || e.date >= from) && (!to || e.date <= to))
    .sort((a, b) => b.date.getTime() - a.date.getTime() || b.id - a.id);
}

function dataDto(store: SandboxStore, origin: string, raw: Record<string, unknown>): Record<string, unknown> {
  const { viewUrlFileId, userId, groupId, ...rest } = raw;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    out[key] = value;
    if (key === 'accessibility' && typeof viewUrlFileId === 'number')
      out['viewUrl'] = downloadUrl(origin, viewUrlFileId);
  }
  if (typeof userId === 'string') return { user: employeeDto(store.users.get(userId), origin), ...out };
  if (typeof groupId === 'string') {
    const group = store.groups.get(groupId);
    return group ? { group: groupSummaryDto(store, group), ...out } : out;
  }
  return out;
}

function itemDto(store: SandboxStore, origin: string, e: HistoryEventRecord): Record<string, unknown> {
  const shown = ACTION_ALIASES[e.action] ?? e.action;
  return {
    id: e.id,
    action: { id: shown, key: actionName(shown) },
    initiator: employeeDto(store.users.get(e.userId), origin),
    date: apiDate(e.date, PORTAL.utcOffsetMinutes),
    data: dataDto(store, origin, e.data),
  };
}

function groupKey(e: HistoryEventRecord): string {
  const shown = ACTION_ALIASES[e.action] ?? e.action;
  if (!GROUPED.has(shown)) return `single:${e.id}`;
  const minute = Math.floor(e.date.getTime() / 60_000);
  const parent = (e.data['toFolderId'] as string | undefined) ?? String(e.data['parentId'] ?? e.entryId);
  return `${shown}:${e.userId}:${minute}:${parent}`;
}

/** One page of grouped history items. */
export function historyPage(
  store: SandboxStore,
  origin: string,
  events: readonly HistoryEventRecord[],
  startIndex: number,
  count: number,
): Record<string, unknown>[] {
  const page = events.slice(startIndex, startIndex + count);
  const groups = new Map<string, HistoryEventRecord[]>();
  for (const e of page) {
    const key = groupKey(e);
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  return [...groups.values()].map(([first, ...others]) => {
    const item = itemDto(store, origin, first!);
    if (others.length > 0) item['related'] = others.map((o) => itemDto(store, origin, o));
    return item;
  });
}
