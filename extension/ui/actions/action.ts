import type { Entry, PortalSummary, SectionId } from '../../../src/protocol/index.ts';
import type { PagePlatform } from '../../platform/ports.ts';
import type { Connector } from '../connector.ts';
import type { BrowseStore } from '../stores/browse-store.ts';
import type { UiStore } from '../stores/ui-store.ts';

export interface ActionContext {
  portal: PortalSummary;
  section: SectionId;
  connector: Connector;
  platform: PagePlatform;
  browse: BrowseStore;
  ui: UiStore;
}

/**
 * One thing a user can do with entries: its label, when it applies, what it does. The row menu, the
 * selection toolbar and the keyboard are all built from the same list (index.ts), so they never disagree.
 */
export interface EntryAction {
  id: string;
  /** A `_locales` key. */
  label: string;
  /** The key that runs it on the focused row or the selection (KeyboardEvent.key), shown in the menu. */
  key?: string;
  /** Offered for a selection of several entries, not only for one. */
  many?: boolean;
  /** Drawn in red: it removes something. */
  danger?: boolean;
  applies(entries: readonly Entry[], context: ActionContext): boolean;
  run(entries: readonly Entry[], context: ActionContext): Promise<void> | void;
}

export const one = (entries: readonly Entry[]) => entries.length === 1;
export const inTrash = (context: ActionContext) => context.section === 'trash';
