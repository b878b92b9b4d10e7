import '../ui/base.css';
import { render } from 'preact';
import { browser } from '../platform/browser.ts';
import { createPageConnector } from '../platform/page-connector.ts';
import { createPagePlatform } from '../platform/page-platform.ts';
import { withEarlyAnswers } from '../ui/early-answers.ts';
import { SettingsRoot } from '../ui/settings/SettingsRoot.tsx';
import { afterPicture } from '../ui/prepaint/after-picture.ts';
import { liftSnapshot } from '../ui/prepaint/lift-snapshot.ts';
import { popupIsLive } from '../ui/prepaint/popup-views.ts';
import { PopupApp } from './PopupApp.tsx';

performance.mark('popup:main');
const connector = withEarlyAnswers(createPageConnector(browser));
const platform = createPagePlatform(browser);
// The omnibox's Enter opens the popup in a tab with the typed text: it is searched as if typed here.
const initialQuery = new URLSearchParams(location.search).get('q')?.trim().slice(0, 200) || undefined;
document.documentElement.lang = platform.uiLanguage();
const root = document.getElementById('app')!;
// The first questions are on their way; the app's first render waits for the kept picture's frame.
void afterPicture().then(() => {
  liftSnapshot(root, popupIsLive);
  render(
    <SettingsRoot platform={platform} connector={connector}>
      <PopupApp connector={connector} initialQuery={initialQuery} />
    </SettingsRoot>,
    root,
  );
  // Kept from the first change on; the code that keeps it is not needed for the first frame.
  void import('../ui/prepaint/keep-snapshots.ts').then(({ keepSnapshots, popupSnapshotVerdict }) =>
    keepSnapshots(root, 'popup', popupSnapshotVerdict),
  );
});
