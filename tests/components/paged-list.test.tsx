// @vitest-environment happy-dom
// Long lists are drawn a page at a time, and a very long page says it was checked on its first words only.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { LIST_PAGE, PagedList } from '../../components/paged-list';
import { Sidebar } from '../../components/sidebar';

afterEach(cleanup);

describe('PagedList', () => {
  it('draws 13,636 items a page at a time', () => {
    const items = Array.from({ length: 13_636 }, (_, i) => i);
    render(
      <ul>
        <PagedList items={items} noun="figures" render={(item) => <li key={item} data-testid="item">{item}</li>} />
      </ul>,
    );
    expect(screen.getAllByTestId('item')).toHaveLength(LIST_PAGE);
    expect(screen.getByTestId('show-more').textContent).toBe(`Show ${LIST_PAGE} more figures (${13_636 - LIST_PAGE} not shown)`);
    fireEvent.click(screen.getByTestId('show-more'));
    expect(screen.getAllByTestId('item')).toHaveLength(2 * LIST_PAGE);
  });

  it('has no button when everything fits', () => {
    render(
      <ul>
        <PagedList items={[1, 2]} noun="figures" render={(item) => <li key={item}>{item}</li>} />
      </ul>,
    );
    expect(screen.queryByTestId('show-more')).toBeNull();
  });
});

describe('the truncation note', () => {
  it('says how much of a very long page was checked', () => {
    const article = { title: 'Long', outlet: null, published: null, sentences: 900, truncated: { checkedWords: 20_000, totalWords: 200_000 } };
    render(<Sidebar state={{ kind: 'article', article, corpus: null, corpusError: null }} onClose={() => undefined} />);
    expect(screen.getByTestId('truncated').textContent).toBe('This page is very long (200,000 words): only its first 20,000 words were checked.');
  });
});
