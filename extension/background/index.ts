// Wiring only: every listener is registered synchronously at top level so an event that wakes the worker is
// delivered; handlers wait for `ready` (storage migrated, the portal list loaded) before they run.
import { createBackgroundPlatform } from '../platform/background-platform.ts';
import { browser } from '../platform/browser.ts';
import { createBackground } from './app.ts';

const platform = createBackgroundPlatform(browser);
const background = createBackground(platform);

platform.serveCommands(background.handlers, background.ready);
platform.acceptEventPorts();
platform.acceptCommands();
platform.onWake(() => void background.wake());
platform.onPermissionsChanged(background.permissionsChanged);
platform.acceptFeedback(background.feedbackListeners);
void background.start();
