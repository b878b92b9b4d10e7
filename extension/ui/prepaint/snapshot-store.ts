// The kept picture of the popup's last view (see paint-snapshot.ts for what it is and why), in the page
// origin's localStorage: every extension page shares it.

export type SnapshotKey = 'popup' | 'sidepanel';

export interface StoredSnapshot {
  v: 1;
  html: string;
  /** The list's scroll offset: the virtual list's rows are placed for it. */
  scrollTop: number;
  savedAt: number;
}

const PREFIX = 'dpt.prepaint.';
const KEYS: readonly SnapshotKey[] = ['popup', 'sidepanel'];
/** A view bigger than this is not kept (a normal one is 20–40 KB: the virtual list draws only what shows). */
export const MAX_SNAPSHOT_HTML = 300_000;
/** A picture older than this is more likely wrong than helpful. */
const MAX_AGE_MS = 14 * 24 * 3_600_000;
/** The list's scrolling element. */
export const SCROLLER = '.grid';
/** On the mount point while it holds a picture: the list's scroll offset, for when the picture moves. */
export const ATTR_SCROLL = 'data-prepaint-scroll';

export function readSnapshot(key: SnapshotKey, now: number): StoredSnapshot | null {
  try {
    const value = JSON.parse(localStorage.getItem(PREFIX + key) ?? 'null') as Partial<StoredSnapshot> | null;
    if (value?.v !== 1 || typeof value.html !== 'string' || typeof value.savedAt !== 'number') return null;
    if (now - value.savedAt > MAX_AGE_MS || value.html.length > MAX_SNAPSHOT_HTML) return null;
    return { v: 1, html: value.html, scrollTop: Number(value.scrollTop) || 0, savedAt: value.savedAt };
  } catch {
    return null;
  }
}

export function writeSnapshot(key: SnapshotKey, snapshot: StoredSnapshot): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(snapshot));
  } catch {
    // Storage full or off: the next opening waits for the app, as without a picture.
  }
}

/** Signing out or removing an account takes its pictures with it (any extension page can, they share storage). */
export function clearSnapshots(): void {
  try {
    for (const key of KEYS) localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing stored.
  }
}

export function restoreScroll(root: ParentNode, scrollTop: number): void {
  const scroller = root.querySelector<HTMLElement>(SCROLLER);
  if (scroller) scroller.scrollTop = scrollTop;
}
