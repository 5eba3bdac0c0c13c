import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState, type FocusEvent } from 'react';

/** What the table body draws, top to bottom: a row by its index in the list, or empty space standing for rows not drawn. */
export type RowSlot = { kind: 'row'; index: number; key: string } | { kind: 'gap'; height: number; key: string };

interface Options {
  count: number;
  /** A stable key per row (React's key and the virtualizer's measurement cache). */
  keyOf(index: number): string;
  /** A row's height before it is measured, in pixels. */
  estimatedHeight: number;
  /** Rows drawn beyond each edge of the window, so Tab and Shift+Tab find the next row already there. */
  overscan: number;
}

/**
 * The rows of a table body that the window shows (plus `overscan` each side), with the page as the scroller: the page's
 * layout, its fixed top bar and its scrollbar stay as they are. Rows are measured once drawn. The row holding keyboard
 * focus stays drawn when it scrolls out of the window, so focus is not lost to the page.
 */
export function useWindowRows({ count, keyOf, estimatedHeight, overscan }: Options) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  // Where the body starts on the page: unknown until the first layout (see below).
  const [scrollMargin, setScrollMargin] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);

  // The filters above the body may change height, so its place is checked after every render. The first time, no row
  // has been drawn yet: React draws them in a second pass before the browser paints, only those the window shows. (Drawn
  // with the body guessed at the top of the page, the first pass made a window's worth of rows too many, and a slow
  // machine spent about 10 ms on each.)
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const top = body.getBoundingClientRect().top + window.scrollY;
    if (scrollMargin === null || Math.abs(top - scrollMargin) >= 1) setScrollMargin(top);
  });

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focused === null || focused >= range.count || indexes.includes(focused)) return indexes;
      return [...indexes, focused].sort((a, b) => a - b);
    },
    [focused],
  );

  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => estimatedHeight,
    overscan,
    scrollMargin: scrollMargin ?? 0,
    getItemKey: keyOf,
    rangeExtractor,
    // The window's size is known before the first render: the first rows are drawn at once, not a render later.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    initialOffset: () => window.scrollY,
  });

  const slots: RowSlot[] = [];
  const margin = scrollMargin ?? 0;
  let end = margin;
  for (const item of scrollMargin === null ? [] : virtualizer.getVirtualItems()) {
    if (item.start > end) slots.push({ kind: 'gap', height: item.start - end, key: `gap-${item.index}` });
    slots.push({ kind: 'row', index: item.index, key: String(item.key) });
    end = item.end;
  }
  const last = margin + virtualizer.getTotalSize();
  if (last > end) slots.push({ kind: 'gap', height: last - end, key: 'gap-end' });

  const rowIndexOf = (target: EventTarget | null): number | null => {
    const row = target instanceof Element ? target.closest<HTMLElement>('tr[data-index]') : null;
    return row ? Number(row.dataset.index) : null;
  };
  const bodyProps = {
    ref: bodyRef,
    onFocus: (event: FocusEvent) => setFocused(rowIndexOf(event.target)),
    onBlur: (event: FocusEvent) => {
      if (!(event.relatedTarget instanceof Node && bodyRef.current?.contains(event.relatedTarget))) setFocused(null);
    },
  };

  return { slots, bodyProps, measureRow: virtualizer.measureElement };
}
