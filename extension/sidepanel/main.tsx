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
import { PopupApp } from '../popup/PopupApp.tsx';

// The popup's app, docked: it stays open (and keeps its place) while the user moves between tabs.
const connector = withEarlyAnswers(createPageConnector(browser));
const platform = createPagePlatform(browser);
document.documentElement.lang = platform.uiLanguage();
document.title = platform.t('extName');
const root = document.getElementById('app')!;
// The first questions are on their way; the app's first render waits for the kept picture's frame.
void afterPicture().then(() => {
  liftSnapshot(root, popupIsLive);
  render(
    <SettingsRoot platform={platform} connector={connector}>
      <PopupApp connector={connector} panel />
    </SettingsRoot>,
    root,
  );
  // Kept from the first change on; the code that keeps it is not needed for the first frame.
  void import('../ui/prepaint/keep-snapshots.ts').then(({ keepSnapshots, popupSnapshotVerdict }) =>
    keepSnapshots(root, 'sidepanel', popupSnapshotVerdict),
  );
});
