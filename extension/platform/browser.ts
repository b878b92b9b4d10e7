// The only module that imports the polyfill, and only the entry points import it: everything else gets the
// browser's capabilities injected (ports.ts), so it can run in Node with fakes.
import browser from 'webextension-polyfill';

export { browser };
