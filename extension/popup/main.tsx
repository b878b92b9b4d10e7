import { render } from 'preact';
import '../ui/base.css';
import { browser } from '../platform/browser.ts';
import { createPageConnector } from '../platform/page-connector.ts';
import { createPagePlatform } from '../platform/page-platform.ts';
import { withEarlyAnswers } from '../ui/early-answers.ts';
import { PlatformContext } from '../ui/platform-context.ts';
import { PopupApp } from './PopupApp.tsx';

performance.mark('popup:main');
const connector = withEarlyAnswers(createPageConnector(browser));
const platform = createPagePlatform(browser);
// The omnibox's Enter opens the popup in a tab with the typed text: it is searched as if typed here.
const initialQuery = new URLSearchParams(location.search).get('q')?.trim().slice(0, 200) || undefined;
document.documentElement.lang = platform.uiLanguage();
render(
  <PlatformContext.Provider value={platform}>
    <PopupApp connector={connector} initialQuery={initialQuery} />
  </PlatformContext.Provider>,
  document.getElementById('app')!,
);
