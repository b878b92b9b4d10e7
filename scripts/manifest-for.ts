/**
 * The one source manifest (manifest.json) is Chrome's. Firefox needs `background.scripts` instead of a
 * service worker (Firefox MV3 runs event pages) and a gecko id; @crxjs also fails on a Firefox manifest
 * that only has `service_worker`, so the transformation happens here, before the plugin sees it.
 */
export type Target = 'chrome' | 'firefox';

export interface SourceManifest {
  background: { service_worker: string; type?: string };
  minimum_chrome_version?: string;
  [key: string]: unknown;
}

export const GECKO_ID = 'docspace-power-tools@docspace-power-tools.dev';
/**
 * The oldest Firefox the end-to-end suite has run on (npm run test:firefox: Debian's Firefox ESR 153.8). Lower it
 * only after that suite passed on the lower version (FIREFOX_PATH points it at another Firefox binary).
 */
export const FIREFOX_MIN_VERSION = '153.0';

/**
 * Firefox has no side panel and no offscreen documents. It keeps clipboardWrite: the menu's "Copy share link" writes
 * the clipboard from the background page, which Firefox refuses without it (no user activation reaches that page).
 */
const CHROME_ONLY_PERMISSIONS = ['sidePanel', 'offscreen'];

export function manifestFor(source: SourceManifest, target: Target): Record<string, unknown> {
  if (target === 'chrome') return structuredClone(source);
  const {
    background,
    minimum_chrome_version: _chromeOnly,
    side_panel: sidePanel,
    permissions,
    optional_permissions: optional,
    commands,
    ...rest
  } = structuredClone(source) as SourceManifest & {
    side_panel?: { default_path: string };
    permissions?: string[];
    optional_permissions?: string[];
    commands?: Record<string, unknown>;
  };
  // Firefox has a sidebar instead of Chrome's side panel, opened by its own built-in command.
  const { 'open-side-panel': openSidePanel, ...otherCommands } = commands ?? {};
  return {
    ...rest,
    // Firefox cannot make identity optional (web-ext: "Invalid optional_permissions"); it shows no prompt for it.
    permissions: [
      ...(permissions ?? []).filter((permission) => !CHROME_ONLY_PERMISSIONS.includes(permission)),
      ...(optional ?? []).filter((permission) => permission === 'identity'),
    ],
    // Firefox has no page capture (snapshots are the extension's own HTML there): not asked for.
    optional_permissions: (optional ?? []).filter((permission) => !['identity', 'pageCapture'].includes(permission)),
    ...(sidePanel
      ? {
          sidebar_action: {
            default_panel: sidePanel.default_path,
            default_title: '__MSG_extName__',
            open_at_install: false,
          },
          commands: { ...otherCommands, ...(openSidePanel ? { _execute_sidebar_action: openSidePanel } : {}) },
        }
      : commands
        ? { commands }
        : {}),
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
