import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ErrorData } from '../../src/errors/index.ts';
import type { LocalText } from '../../src/protocol/index.ts';
import type { PagePlatform } from '../platform/ports.ts';

/** The page's browser capabilities, provided once by the entry point (a fake in component tests). */
export const PlatformContext = createContext<PagePlatform | null>(null);

export function usePlatform(): PagePlatform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('PlatformContext is missing: render the app inside its provider.');
  return platform;
}

/** The whole sentence of an error, in the page's language. */
export function errorText(t: PagePlatform['t'], error: ErrorData): string {
  return t(`err_${error.key}`, error.params);
}

export function localText(t: PagePlatform['t'], text: LocalText): string {
  return t(text.key, text.params);
}
