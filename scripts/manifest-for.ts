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

export function manifestFor(source: SourceManifest, target: Target): Record<string, unknown> {
  if (target === 'chrome') return structuredClone(source);
  const { background, minimum_chrome_version: _chromeOnly, ...rest } = structuredClone(source);
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    },
  };
}
