import * as v from 'valibot';
import type { SectionId } from '../protocol/browse.ts';
import {
  ALL_SECTIONS,
  LANGUAGES,
  LIMIT_PROFILES,
  THEMES,
  type GlobalSettings,
  type PortalPrefs,
} from './preferences.ts';

export const globalSettingsSchema = v.object({
  theme: v.picklist(THEMES),
  language: v.picklist(LANGUAGES),
});

const sectionSchema = v.picklist(ALL_SECTIONS as [SectionId, ...SectionId[]]);

export const portalPrefsSchema = v.object({
  limitProfile: v.optional(v.picklist(LIMIT_PROFILES)),
  popupSections: v.optional(v.pipe(v.array(sectionSchema), v.minLength(1), v.maxLength(ALL_SECTIONS.length))),
});

// The schemas and the plain types must say the same.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies Same<v.InferOutput<typeof globalSettingsSchema>, GlobalSettings>;
true satisfies Same<v.InferOutput<typeof portalPrefsSchema>, PortalPrefs>;
