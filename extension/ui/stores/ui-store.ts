import type { UploadTarget } from '../actions/upload.ts';
import { createStore } from 'zustand/vanilla';
import type { Entry, EntryRef, NewFileKind } from '../../../src/protocol/index.ts';
import type { EntryId } from '../../../src/protocol/index.ts';

export type Dialog =
  | { type: 'rename'; entry: Entry }
  | { type: 'details'; entry: Entry }
  | { type: 'share'; entry: Entry }
  | { type: 'people'; entry: Entry }
  | { type: 'createFolder' }
  | { type: 'createFile'; kind: NewFileKind }
  | { type: 'createRoom' }
  | { type: 'newFolders' }
  | { type: 'transfer'; entries: Entry[]; copy: boolean }
  | { type: 'uploadConflict'; files: File[]; target: UploadTarget; existing: string[] };

export interface Toast {
  id: number;
  text: string;
  /** A second chance, offered for a few seconds (an undo of a trashing). */
  undo?: { label: string; run: () => Promise<void> };
  tone?: 'info' | 'error';
}

export interface UiState {
  dialog: Dialog | null;
  toast: Toast | null;
  /** Selected entries of the list on screen, by `kind:id`. */
  selected: Set<string>;
  /** The row keyboard focus is on, and the one a Shift-selection starts from. */
  active: number;
  anchor: number | null;
  open(dialog: Dialog): void;
  close(): void;
  notify(toast: Omit<Toast, 'id'>): void;
  dismissToast(id: number): void;
  setActive(index: number): void;
  /** Click, Ctrl/Cmd-click, Shift-click, or the keyboard's Space and Shift+arrows. */
  select(keys: string[], mode: 'only' | 'toggle' | 'add', anchor?: number | null): void;
  clearSelection(): void;
  lastTrashed: Array<{ entry: EntryRef; fromFolderId: EntryId }> | null;
  setLastTrashed(items: Array<{ entry: EntryRef; fromFolderId: EntryId }> | null): void;
}

const TOAST_MS = 8_000;

export function createUiStore() {
  let toastId = 0;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  return createStore<UiState>()((set, get) => ({
    dialog: null,
    toast: null,
    selected: new Set(),
    active: 0,
    anchor: null,
    lastTrashed: null,
    open: (dialog) => set({ dialog }),
    close: () => set({ dialog: null }),
    notify(toast) {
      clearTimeout(toastTimer);
      const id = ++toastId;
      set({ toast: { ...toast, id } });
      toastTimer = setTimeout(() => get().dismissToast(id), TOAST_MS);
    },
    dismissToast(id) {
      if (get().toast?.id === id) set({ toast: null });
    },
    setActive: (active) => set({ active }),
    select(keys, mode, anchor) {
      const next = mode === 'only' ? new Set<string>() : new Set(get().selected);
      for (const key of keys) {
        if (mode === 'toggle' && next.has(key)) next.delete(key);
        else next.add(key);
      }
      set({ selected: next, ...(anchor !== undefined ? { anchor } : {}) });
    },
    clearSelection: () => set({ selected: new Set(), anchor: null }),
    setLastTrashed: (lastTrashed) => set({ lastTrashed }),
  }));
}

export type UiStore = ReturnType<typeof createUiStore>;
