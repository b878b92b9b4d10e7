import type { EntryId, UploadConflict } from '../protocol/index.ts';

/** A folder the user saves into, with the title it had when chosen (menus show it without asking the portal). */
export interface SaveFolder {
  id: EntryId;
  title: string;
}

/** How a portal account saves what the user captures from pages. */
export interface SaveSettings {
  /** Where "Save" goes without a choice; null: the account's My documents. */
  defaultFolder: SaveFolder | null;
  /** The last folders saved into, newest first, at most MAX_RECENT. */
  recent: SaveFolder[];
  /** The file name before its extension: {title}, {date}, {time}, {host} are filled in (see name-template.ts). */
  nameTemplate: string;
  /** What happens to a name the folder holds already: keep both (DocSpace's "name (1)"), a new version, or skip. */
  conflict: UploadConflict;
  /**
   * Articles and selections become a .docx the ONLYOFFICE editor opens (the portal converts the saved HTML, which
   * is then deleted); off: they stay .html. Absent in settings stored before it existed: off.
   */
  convertToDocx?: boolean;
}

export const MAX_RECENT = 5;
export const DEFAULT_NAME_TEMPLATE = '{title} {date}';
/** DocSpace's own section id for the account's My documents: every account has one it can write into. */
export const MY_DOCUMENTS: EntryId = '@my';

export function defaultSaveSettings(): SaveSettings {
  return {
    defaultFolder: null,
    recent: [],
    nameTemplate: DEFAULT_NAME_TEMPLATE,
    conflict: 'duplicate',
    convertToDocx: false,
  };
}

/** The folder moves to the front of the recent list (once), the oldest beyond MAX_RECENT drops off. */
export function withRecent(settings: SaveSettings, folder: SaveFolder): SaveSettings {
  const others = settings.recent.filter((f) => String(f.id) !== String(folder.id));
  return { ...settings, recent: [{ id: folder.id, title: folder.title }, ...others].slice(0, MAX_RECENT) };
}
