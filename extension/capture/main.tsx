import { render } from 'preact';
import '../ui/base.css';
import { browser } from '../platform/browser.ts';
import { createPageConnector } from '../platform/page-connector.ts';
import { createPagePlatform } from '../platform/page-platform.ts';
import { PlatformContext } from '../ui/platform-context.ts';
import { PickerApp } from './PickerApp.tsx';

// Where a menu's "Choose folder…" is answered, and where a save that could not start says why.
const connector = createPageConnector(browser);
const platform = createPagePlatform(browser);
document.documentElement.lang = platform.uiLanguage();
document.title = platform.t('pickerTitle');
render(
  <PlatformContext.Provider value={platform}>
    <PickerApp connector={connector} query={new URLSearchParams(location.search)} />
  </PlatformContext.Provider>,
  document.getElementById('app')!,
);
