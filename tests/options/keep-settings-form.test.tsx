// @vitest-environment happy-dom
// The "Keep what I read" section of "My reports": the switch, the never-keep list, retention and storage used.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeepSettingsSection, formatBytes } from '../../components/reports/keep-settings';
import { defaultSettings, type Settings } from '../../utils/settings/settings';

afterEach(cleanup);

function setup(initial: Settings = defaultSettings()) {
  let current = initial;
  const onChange = vi.fn(async (next: Settings) => {
    current = next;
    view.rerender(<KeepSettingsSection settings={current} onChange={onChange} estimateStorage={estimate} />);
  });
  const estimate = vi.fn(async () => ({ usage: 3.5 * 1024 * 1024, quota: 2 * 1024 ** 3 }));
  const view = render(<KeepSettingsSection settings={current} onChange={onChange} estimateStorage={estimate} />);
  return { onChange, latest: () => current };
}

describe('KeepSettingsSection', () => {
  it('is off by default, turns on with the switch and says so', async () => {
    const { onChange, latest } = setup();
    const toggle = screen.getByRole('switch', { name: 'Keep every article I check in my reports' });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect(screen.getByTestId('keep-status').textContent).toBe('Saved: every article you check is kept in your reports.'));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(latest().keep.enabled).toBe(true);
  });

  it('stores the never-keep list as host names, and refuses what is not a site', async () => {
    const { latest } = setup();
    const box = screen.getByLabelText('Sites never to keep, one per line');
    fireEvent.input(box, { target: { value: 'https://www.bank.example/login\nhealth.example' } });
    fireEvent.change(box);
    await waitFor(() => expect(latest().keep.neverSites).toEqual(['bank.example', 'health.example']));
    fireEvent.input(box, { target: { value: 'bank.example\n???' } });
    fireEvent.change(box);
    expect(screen.getByTestId('keep-sites-error').textContent).toBe('Error: Not a site name: ???. Write one site per line, such as bank.example.');
  });

  it('stores a retention in days or articles, checked', async () => {
    const { latest } = setup();
    fireEvent.change(screen.getByLabelText('Keep'), { target: { value: 'days' } });
    const amount = screen.getByLabelText('Days to keep');
    fireEvent.input(amount, { target: { value: '0' } });
    fireEvent.change(amount);
    expect(screen.getByTestId('keep-amount-error').textContent).toBe('Error: Enter a whole number of days from 1 to 3,650.');
    fireEvent.input(amount, { target: { value: '30' } });
    fireEvent.change(amount);
    await waitFor(() => expect(latest().keep.retention).toEqual({ kind: 'days', days: 30 }));
    expect(screen.getByTestId('keep-status').textContent).toBe('Saved: kept articles stay for 30 days after you last read them.');
  });

  it('shows the storage used, from the browser estimate', async () => {
    setup();
    await waitFor(() => expect(screen.getByTestId('storage-used').textContent).toBe('Storage used by Second Source: 3.5 MB of 2.0 GB the browser allows.'));
    expect(formatBytes(820 * 1024)).toBe('820 KB');
  });
});
