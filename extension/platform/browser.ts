// The only module that imports the polyfill: everything else reaches browser APIs through platform/.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Permissions, Tabs } from 'webextension-polyfill';
