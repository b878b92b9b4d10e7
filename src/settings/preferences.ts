import type { SectionId } from '../protocol/browse.ts';

// No valibot here: the popup imports this for its first paint (the schemas are in preferences-schema.ts).

/** The popup's sections in their order; a portal's list of shown sections is a subset of these. */
export const ALL_SECTIONS: readonly SectionId[] = ['rooms', 'my', 'shared', 'recent', 'favorites', 'trash'];

export const THEMES = ['system', 'light', 'dark'] as const;
export const LANGUAGES = ['system', 'en', 'ru'] as const;
export type Theme = (typeof THEMES)[number];
export type Language = (typeof LANGUAGES)[number];

/** What every page of the extension follows: its colours and its language. */
export interface GlobalSettings {
  theme: Theme;
  language: Language;
}
export const DEFAULT_SETTINGS: GlobalSettings = { theme: 'system', language: 'system' };

/**
 * How the request limits of a portal are chosen: DocSpace cloud's published numbers, numbers of the user's
 * own (a self-hosted portal whose admin changed them), or as good as none (a portal without a limiter).
 */
export const LIMIT_PROFILES = ['cloud', 'custom', 'off'] as const;
export type LimitProfile = (typeof LIMIT_PROFILES)[number];

export interface PortalPrefs {
  limitProfile?: LimitProfile | undefined;
  /** The sections the popup shows for this portal, in the popup's order; absent: all. */
  popupSections?: SectionId[] | undefined;
}

/** The sections to show: the stored choice in the popup's order (never none), plus the one open now. */
export function visibleSections(prefs: PortalPrefs | null | undefined, current?: SectionId): SectionId[] {
  const chosen = new Set(prefs?.popupSections?.length ? prefs.popupSections : ALL_SECTIONS);
  if (current) chosen.add(current);
  return ALL_SECTIONS.filter((section) => chosen.has(section));
}
