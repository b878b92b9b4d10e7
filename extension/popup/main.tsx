import { render } from 'preact';
import '../ui/base.css';
import { browser } from '../platform/browser.ts';
import { createPageConnector } from '../platform/page-connector.ts';
import { createPagePlatform } from '../platform/page-platform.ts';
import { withEarlyAnswers } from '../ui/early-answers.ts';
import { SettingsRoot } from '../ui/settings/SettingsRoot.tsx';
import { PopupApp } from './PopupApp.tsx';

performance.mark('popup:main');
const connector = withEarlyAnswers(createPageConnector(browser));
const platform = createPagePlatform(browser);
// The omnibox's Enter opens the popup in a tab with the typed text: it is searched as if typed here.
const initialQuery = new URLSearchParams(location.search).get('q')?.trim().slice(0, 200) || undefined;
document.documentElement.lang = platform.uiLanguage();
render(
  <SettingsRoot platform={platform} connector={connector}>
    <PopupApp connector={connector} initialQuery={initialQuery} />
  </SettingsRoot>,
  document.getElementById('app')!,
);
