// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepSnapshots, popupSnapshotVerdict } from '../../../../extension/ui/prepaint/keep-snapshots.ts';
import { liftSnapshot } from '../../../../extension/ui/prepaint/lift-snapshot.ts';
import { paintSnapshot } from '../../../../extension/ui/prepaint/paint-snapshot.ts';
import { popupIsLive } from '../../../../extension/ui/prepaint/popup-views.ts';
import { clearSnapshots } from '../../../../extension/ui/prepaint/snapshot-store.ts';

const KEY = 'dpt.prepaint.popup';
const store = (html: string, extra: object = {}) =>
  localStorage.setItem(KEY, JSON.stringify({ v: 1, html, scrollTop: 0, savedAt: Date.now(), ...extra }));

const listing = (rows: string) =>
  `<div class="popup"><div class="listing" data-status="ready"><div class="grid">${rows}</div></div></div>`;

beforeEach(() => {
  localStorage.clear();
  document.body.innerHTML = '<div id="app"></div>';
});
afterEach(() => vi.useRealTimers());

const app = () => document.getElementById('app')!;

describe('painting the kept view', () => {
  it('draws the stored markup with everything active taken out', () => {
    store(
      listing(
        '<a class="row" href="https://portal.example/doceditor?fileId=1" onclick="alert(1)">Plan.docx</a>' +
          '<a class="row" href="javascript:alert(2)">x</a><img class="entry-thumb" src="blob:chrome-extension://id/1">' +
          '<img src="/icons/icon-32.png"><script>alert(3)</script><iframe src="https://evil.example"></iframe>' +
          '<div role="dialog">Rename</div>',
      ),
    );
    expect(paintSnapshot(app(), 'popup')).toBe(true);
    const html = app().innerHTML;
    expect(app().querySelectorAll('.row')).toHaveLength(2);
    expect(html).toContain('href="https://portal.example/doceditor?fileId=1"');
    expect(html).not.toMatch(/onclick|javascript:|blob:|<script|<iframe|role="dialog"/);
    expect(html).toContain('src="/icons/icon-32.png"');
  });

  it('a server string that looks like markup stays text', () => {
    const row = document.createElement('span');
    row.className = 'row';
    row.textContent = '<img src=x onerror=alert(1)>';
    store(listing(row.outerHTML));
    paintSnapshot(app(), 'popup');
    expect(app().querySelector('img')).toBeNull();
    expect(app().querySelector('.row')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('paints nothing from a missing, foreign, stale or oversized record', () => {
    expect(paintSnapshot(app(), 'popup')).toBe(false);
    localStorage.setItem(KEY, '{not json');
    expect(paintSnapshot(app(), 'popup')).toBe(false);
    store(listing('<a class="row">a</a>'), { v: 2 });
    expect(paintSnapshot(app(), 'popup')).toBe(false);
    store(listing('<a class="row">a</a>'), { savedAt: Date.now() - 30 * 24 * 3_600_000 });
    expect(paintSnapshot(app(), 'popup')).toBe(false);
    store('x'.repeat(400_000));
    expect(paintSnapshot(app(), 'popup')).toBe(false);
    expect(app().childNodes).toHaveLength(0);
  });
});

describe('handing over to the app', () => {
  it('moves the picture into an inert overlay hidden from screen readers, gone once the app shows its view', async () => {
    store(listing('<a class="row">Plan.docx</a>'));
    paintSnapshot(app(), 'popup');
    liftSnapshot(app(), popupIsLive);
    expect(app().childNodes).toHaveLength(0);
    const overlay = document.querySelector<HTMLElement>('.prepaint')!;
    expect(overlay.getAttribute('aria-hidden')).toBe('true');
    expect(overlay.inert).toBe(true);
    expect(overlay.querySelector('.row')?.textContent).toBe('Plan.docx');
    // The app is still loading: the picture stays.
    app().innerHTML = '<div class="listing" data-status="loading"></div>';
    await Promise.resolve();
    expect(document.querySelector('.prepaint')).not.toBeNull();
    app().querySelector('.listing')!.setAttribute('data-status', 'ready');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelector('.prepaint')).toBeNull();
  });

  it('never outstays its time, whatever the app does', () => {
    vi.useFakeTimers();
    store(listing('<a class="row">Plan.docx</a>'));
    paintSnapshot(app(), 'popup');
    liftSnapshot(app(), () => false, 1_500);
    vi.advanceTimersByTime(1_499);
    expect(document.querySelector('.prepaint')).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(document.querySelector('.prepaint')).toBeNull();
  });

  it('without a picture there is no overlay', () => {
    liftSnapshot(app(), popupIsLive);
    expect(document.querySelector('.prepaint')).toBeNull();
  });
});

describe('keeping the view', () => {
  it('keeps a listing with rows a moment after it changes, and the next opening paints it', async () => {
    vi.useFakeTimers();
    const stop = keepSnapshots(app(), 'popup', popupSnapshotVerdict, 300);
    app().innerHTML = listing('<a class="row">Budget.xlsx</a><div class="toast-area"><p>Moved</p></div>');
    await Promise.resolve();
    vi.advanceTimersByTime(300);
    stop();
    const saved = JSON.parse(localStorage.getItem(KEY)!) as { html: string };
    expect(saved.html).toContain('Budget.xlsx');
    expect(saved.html).not.toContain('Moved');
    document.body.innerHTML = '<div id="app"></div>';
    expect(paintSnapshot(app(), 'popup')).toBe(true);
    expect(app().querySelector('.row')?.textContent).toBe('Budget.xlsx');
  });

  it('leaves the last picture while searching or loading, and forgets it once signed out', async () => {
    vi.useFakeTimers();
    store(listing('<a class="row">Old.docx</a>'));
    const stop = keepSnapshots(app(), 'popup', popupSnapshotVerdict, 300);
    app().innerHTML = listing('<a class="row">Found.docx</a>') + '<p data-testid="search-status">1 found</p>';
    await Promise.resolve();
    vi.advanceTimersByTime(300);
    expect(localStorage.getItem(KEY)).toContain('Old.docx');
    app().innerHTML = '<main data-testid="signed-out">Sign in</main>';
    await Promise.resolve();
    vi.advanceTimersByTime(300);
    stop();
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('signing out anywhere clears every kept picture', () => {
    store(listing('<a class="row">a</a>'));
    localStorage.setItem('dpt.prepaint.sidepanel', localStorage.getItem(KEY)!);
    localStorage.setItem('dpt.display', '{"theme":"dark"}');
    clearSnapshots();
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(localStorage.getItem('dpt.prepaint.sidepanel')).toBeNull();
    expect(localStorage.getItem('dpt.display')).not.toBeNull();
  });
});
