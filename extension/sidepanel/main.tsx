import { render } from 'preact';
import '../ui/base.css';
import { browser } from '../platform/browser.ts';
import { createPageConnector } from '../platform/page-connector.ts';
import { createPagePlatform } from '../platform/page-platform.ts';
import { withEarlyAnswers } from '../ui/early-answers.ts';
import { SettingsRoot } from '../ui/settings/SettingsRoot.tsx';
import { PopupApp } from '../popup/PopupApp.tsx';

// The popup's app, docked: it stays open (and keeps its place) while the user moves between tabs.
const connector = withEarlyAnswers(createPageConnector(browser));
const platform = createPagePlatform(browser);
document.documentElement.lang = platform.uiLanguage();
document.title = platform.t('extName');
render(
  <SettingsRoot platform={platform} connector={connector}>
    <PopupApp connector={connector} panel />
  </SettingsRoot>,
  document.getElementById('app')!,
);
