import {
  defaultRangeExtractor,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type Range,
} from '@tanstack/virtual-core';
import { useLayoutEffect, useMemo, useReducer } from 'preact/hooks';

const FALLBACK_HEIGHT = 600;

export interface VirtualRowsOptions {
  count: number;
  rowHeight: number;
  scrollElement: () => HTMLElement | null;
  /** Rows rendered beyond the visible ones, so a fast scroll does not show blanks. */
  overscan?: number;
  /** A row that must stay rendered (the focused one, so focus and aria references never point at nothing). */
  keep?: number | null;
  onScroll?: (firstRow: number) => void;
}

/**
 * @tanstack/virtual-core behind a small Preact hook: only the rows in (and near) view are in the DOM, so a
 * 10,000-entry folder scrolls as lightly as a 10-entry one. Rows have one fixed height (a dense list).
 */
export function useVirtualRows(options: VirtualRowsOptions) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const virtualizer = useMemo(
    () =>
      new Virtualizer<HTMLElement, HTMLElement>({
        count: options.count,
        getScrollElement: options.scrollElement,
        estimateSize: () => options.rowHeight,
        overscan: options.overscan ?? 6,
        scrollToFn: elementScroll,
        // Before the first layout (or where there is none) the list assumes a popup-sized view, not an empty one.
        initialRect: { width: 380, height: FALLBACK_HEIGHT },
        observeElementRect: (instance, cb) =>
          observeElementRect(instance, (rect) =>
            cb(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_HEIGHT }),
          ),
        observeElementOffset,
        onChange: () => rerender(0),
      }),
    // One virtualizer per list; its options are refreshed on every render below.
    [],
  );
  virtualizer.setOptions({
    ...virtualizer.options,
    count: options.count,
    estimateSize: () => options.rowHeight,
    rangeExtractor: (range: Range) => {
      const rows = defaultRangeExtractor(range);
      const keep = options.keep;
      if (keep === null || keep === undefined || keep < 0 || keep >= options.count || rows.includes(keep)) return rows;
      return [...rows, keep].sort((a, b) => a - b);
    },
    onChange: (instance) => {
      rerender(0);
      const first = instance.getVirtualItems()[0];
      if (first && options.onScroll) options.onScroll(Math.floor((instance.scrollOffset ?? 0) / options.rowHeight));
    },
  });
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  return virtualizer;
}
