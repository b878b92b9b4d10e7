import { DEFAULT_SETTINGS, LANGUAGES, THEMES, type GlobalSettings } from '../../../src/settings/preferences.ts';

// The stored settings live in the background's storage; pages keep a copy in their origin's localStorage
// (theme and language only, never anything else) so the first frame is already in the chosen colours.
const KEY = 'dpt.display';

export function cachedSettings(): GlobalSettings {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<GlobalSettings> | null;
    return {
      theme: THEMES.find((t) => t === raw?.theme) ?? DEFAULT_SETTINGS.theme,
      language: LANGUAGES.find((l) => l === raw?.language) ?? DEFAULT_SETTINGS.language,
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function cacheSettings(settings: GlobalSettings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ theme: settings.theme, language: settings.language }));
  } catch {
    // A page without storage paints in the system's colours first; the answer from the background follows.
  }
}

/** `system` follows the system's preference (the CSS media query); light and dark override it. */
export function applyTheme(theme: GlobalSettings['theme'], root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
