import { render } from 'preact';
import '../ui/base.css';
import { browser } from '../platform/browser.ts';
import { createPageConnector } from '../platform/page-connector.ts';
import { createPagePlatform } from '../platform/page-platform.ts';
import { PlatformContext } from '../ui/platform-context.ts';
import { OptionsApp } from './OptionsApp.tsx';

const platform = createPagePlatform(browser);
document.documentElement.lang = platform.uiLanguage();
document.title = platform.t('optionsPageTitle');
render(
  <PlatformContext.Provider value={platform}>
    <OptionsApp connector={createPageConnector(browser)} />
  </PlatformContext.Provider>,
  document.getElementById('app')!,
);
