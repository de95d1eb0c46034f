// A long list drawn a page at a time: the first items, then a button for the next page, so no list draws thousands at once.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** Items drawn per page: a 200,000-word page has over 13,000 figures "only here"; drawing them at once froze the tab. */
export const LIST_PAGE = 100;

export interface PagedListProps<T> {
  items: readonly T[];
  render: (item: T, index: number) => ComponentChildren;
  /** Items per page; default LIST_PAGE. */
  page?: number;
  /** What the items are, for the button ("figures"). */
  noun: string;
}

/** Renders `items` inside the caller's list element, LIST_PAGE at a time, with a "Show more" item at the end. */
export function PagedList<T>({ items, render, page = LIST_PAGE, noun }: PagedListProps<T>) {
  const [shown, setShown] = useState(page);
  const rest = items.length - shown;
  return (
    <>
      {items.slice(0, shown).map(render)}
      {rest > 0 && (
        <li class="ss-more">
          <button type="button" data-testid="show-more" onClick={() => setShown(shown + page)}>
            Show {Math.min(page, rest)} more {noun} ({rest} not shown)
          </button>
        </li>
      )}
    </>
  );
}
