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

export function manifestFor(source: SourceManifest, target: Target): Record<string, unknown> {
  if (target === 'chrome') return structuredClone(source);
  const { background, minimum_chrome_version: _chromeOnly, ...rest } = structuredClone(source);
  return {
    ...rest,
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
