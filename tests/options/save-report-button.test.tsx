// @vitest-environment happy-dom
// The sidebar's "Save to my reports" button: states in words, a live region, keyboard use, errors shown as text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { SaveReportButton } from '../../components/save-report-button';

afterEach(cleanup);

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SaveReportButton', () => {
  it('saves once, says "Saving…" meanwhile, then "Saved" in a polite live region', async () => {
    const pending = deferred<{ updated: boolean }>();
    const onSave = vi.fn(() => pending.promise);
    render(<SaveReportButton onSave={onSave} />);
    const button = screen.getByRole('button', { name: /save to my reports/i });
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('');

    fireEvent.click(button);
    await waitFor(() => expect(button.textContent).toContain('Saving…'));
    expect(button.getAttribute('aria-disabled')).toBe('true');
    // A second click while saving does not save twice.
    fireEvent.click(button);
    expect(onSave).toHaveBeenCalledTimes(1);

    pending.resolve({ updated: false });
    await waitFor(() => expect(status.textContent).toBe('Saved to your reports.'));
    expect(button.textContent).toContain('Update in my reports');
    expect(button.getAttribute('aria-disabled')).toBeNull();
  });

  it('says "Updated" when the same address was saved before', async () => {
    render(<SaveReportButton onSave={() => Promise.resolve({ updated: true })} />);
    fireEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Updated/));
  });

  it('shows the error message as text and lets the reader try again', async () => {
    const onSave = vi
      .fn<() => Promise<{ updated: boolean }>>()
      .mockRejectedValueOnce(new Error('Not enough storage space to save this page: <b>disk</b> full.'))
      .mockResolvedValueOnce({ updated: false });
    const { container } = render(<SaveReportButton onSave={onSave} />);
    fireEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not save: Not enough storage space to save this page: <b>disk</b> full.'));
    // The message is text: no element was made from it.
    expect(container.querySelector('b')).toBeNull();
    fireEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved to your reports.'));
  });

  it('recognizes a page saved on an earlier visit', () => {
    render(<SaveReportButton onSave={() => Promise.resolve({ updated: true })} known={{ addedAt: Date.UTC(2026, 0, 5) }} formatAdded={() => '5 January 2026'} />);
    expect(screen.getByRole('button').textContent).toContain('Update in my reports');
    expect(screen.getByRole('status').textContent).toBe('In your reports since 5 January 2026.');
  });

  it('is a real button, reachable and pressed from the keyboard', async () => {
    const onSave = vi.fn(() => Promise.resolve({ updated: false }));
    render(<SaveReportButton onSave={onSave} />);
    const button = screen.getByRole('button');
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('type')).toBe('button');
    expect(button.tabIndex).toBe(0);
    button.focus();
    expect(document.activeElement).toBe(button);
    // A native button turns Enter/Space into a click; happy-dom does not, so the click stands in for it here.
    fireEvent.click(button);
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
  });
});
