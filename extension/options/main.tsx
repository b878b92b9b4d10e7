import { render } from 'preact';
import '../ui/base.css';
import { uiLanguage } from '../platform/i18n.ts';
import { createPlatformConnector } from '../ui/platform-connector.ts';
import { OptionsApp } from './OptionsApp.tsx';

document.documentElement.lang = uiLanguage();
render(<OptionsApp connector={createPlatformConnector()} />, document.getElementById('app')!);
