import { render } from 'preact';
import '../ui/base.css';
import { uiLanguage } from '../platform/i18n.ts';
import { createPlatformConnector } from '../ui/platform-connector.ts';
import { PopupApp } from './PopupApp.tsx';

document.documentElement.lang = uiLanguage();
render(<PopupApp connector={createPlatformConnector()} />, document.getElementById('app')!);
