// Wiring only: every listener is registered synchronously at top level so an event that wakes the worker is
// delivered; handlers wait for `ready` (storage migrated, the portal list loaded) before they run.
import { createBackgroundPlatform } from '../platform/background-platform.ts';
import { browser } from '../platform/browser.ts';
import { capturePorts } from '../platform/capture-platform.ts';
import { menuRequestFor, type MenuClick, type MenuTab } from '../../src/capture/save-request.ts';
import { createBackground } from './app.ts';

const base = createBackgroundPlatform(browser);
const capture = capturePorts(browser);
const platform = { ...base, capture };
const background = createBackground(platform);

const report = (error: unknown) => console.warn('The save did not start:', String(error));
capture.onMenuClick((request, click, granted) => void background.capture?.click(request, click, granted).catch(report));
capture.onQuickSave((tab, granted) => void background.capture?.quickSave(tab, granted).catch(report));
capture.onMenusNeeded(() => void background.ready.then(() => background.capture?.rebuildMenus()));
/**
 * The end-to-end tests' way in (native menus cannot be clicked): the same pure handler and the same path as a
 * click on any entry (a save, or a file entry of a portal's pages), with the permissions as they stand (no
 * gesture to ask in). Reachable only from the extension's own
 * contexts (the worker's global scope).
 */
(globalThis as { dptSaveFromMenu?: unknown }).dptSaveFromMenu = (click: MenuClick, tab: MenuTab) =>
  background.capture?.click(menuRequestFor(click, tab), click, Promise.resolve(true)) ?? null;

platform.serveCommands(background.handlers, background.ready);
platform.acceptEventPorts();
const onCommand = platform.acceptCommands();
platform.onWake(() => void background.wake());
platform.onPermissionsChanged(background.permissionsChanged);
platform.acceptFeedback(background.feedbackListeners);
void background.start();
/** A keyboard command as the browser hands it over (the side panel's; commands cannot be pressed by automation). */
(globalThis as { dptCommand?: unknown }).dptCommand = onCommand;
/** The same for the quick-save keyboard command (commands cannot be pressed by automation either). */
(globalThis as { dptQuickSave?: unknown }).dptQuickSave = (tab: MenuTab) =>
  background.capture?.quickSave(tab, Promise.resolve(true)) ?? null;
