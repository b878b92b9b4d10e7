import * as v from 'valibot';
import type { SaveSettings } from '../capture/save-settings.ts';
import { command, entryIdSchema, portalIdSchema, text } from './define.ts';
import type { JobSummary } from './jobs.ts';

export type { SaveSettings, SaveFolder } from '../capture/save-settings.ts';

/** A save from a menu's "Choose folder…" waiting for the picker page. */
export interface PendingSaveView {
  id: string;
  portalId: string;
  /** What is being saved, as the user reads it (file names or addresses). */
  labels: string[];
  /** The site whose file is saved, which the extension may not read yet: asked for on the page, with the reason. */
  needsOrigin?: string;
  /** The folder a menu entry named; absent: the page asks where. */
  folder?: { id: string | number; title: string };
}

const folder = v.object({ id: entryIdSchema, title: text(1_000) });
const conflict = v.picklist(['skip', 'overwrite', 'duplicate']);

/** What was dropped on a folder of the popup or the side panel (files go through uploadFiles). */
const dropped = v.variant('kind', [
  /** A link: saved as a link file (.url). */
  v.object({ kind: v.literal('link'), url: text(8_000), title: v.optional(text(1_000)) }),
  /** An image: its bytes are fetched by the background, named from the answer. */
  v.object({ kind: v.literal('image'), url: text(8_000) }),
  /** Selected text: a new HTML document (the markup kept when the drag carried it). */
  v.object({ kind: v.literal('text'), text: text(2_000_000), html: v.optional(text(5_000_000)) }),
]);

export const captureCommands = {
  getSaveSettings: command<SaveSettings>()(v.object({ portalId: portalIdSchema })),
  /** The options page's part of the settings; the recent destinations are the saves' own. */
  setSaveSettings: command<SaveSettings>()(
    v.object({
      portalId: portalIdSchema,
      defaultFolder: v.nullable(folder),
      nameTemplate: v.pipe(text(200), v.minLength(1)),
      conflict,
      convertToDocx: v.optional(v.boolean()),
    }),
  ),
  getPendingSave: command<PendingSaveView | null>()(v.object({ id: text(100) })),
  /** The picker page chose where a pending save goes: it starts as a job. */
  completePendingSave: command<JobSummary>()(
    v.object({ id: text(100), folderId: entryIdSchema, folderTitle: text(1_000) }),
  ),
  cancelPendingSave: command<{ id: string }>()(v.object({ id: text(100) })),
  /** Links, images or text dropped on a folder (the popup's or side panel's list): saved there as one job. */
  saveDropped: command<JobSummary>()(
    v.object({
      portalId: portalIdSchema,
      folderId: entryIdSchema,
      folderTitle: text(1_000),
      items: v.pipe(v.array(dropped), v.minLength(1), v.maxLength(100)),
    }),
  ),
};

export type DroppedItem = v.InferOutput<typeof dropped>;
