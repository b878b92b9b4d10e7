/** `origin|userId`: one portal can hold several accounts, one account can be on several portals. */
export type PortalId = string;
/** DocSpace ids are integers for its own storage and strings for third-party storage. */
export type EntryId = number | string;

/** A `_locales` key and its substitutions: words the page renders in the user's language. */
export interface LocalText {
  key: string;
  params: string[];
}
