import { render } from 'preact';
import '../ui/base.css';
import { browser } from '../platform/browser.ts';
import { createPageConnector } from '../platform/page-connector.ts';
import { createPagePlatform } from '../platform/page-platform.ts';
import { SettingsRoot } from '../ui/settings/SettingsRoot.tsx';
import { OptionsApp } from './OptionsApp.tsx';

const platform = createPagePlatform(browser);
const connector = createPageConnector(browser);
document.documentElement.lang = platform.uiLanguage();
document.title = platform.t('optionsPageTitle');
render(
  <SettingsRoot platform={platform} connector={connector}>
    <OptionsApp connector={connector} />
  </SettingsRoot>,
  document.getElementById('app')!,
);
