// @vitest-environment happy-dom
// The settings section: labelled controls, changes stored at once, a wrong tolerance explained and not stored.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { SettingsForm } from '../../components/reports/settings-form';
import { defaultSettings, type Settings } from '../../utils/settings/settings';

afterEach(cleanup);

function setup(initial: Settings = defaultSettings()) {
  let current = initial;
  const onChange = vi.fn(async (next: Settings) => {
    current = next;
    view.rerender(<SettingsForm settings={current} onChange={onChange} />);
  });
  const view = render(<SettingsForm settings={current} onChange={onChange} />);
  return { onChange, current: () => current };
}

describe('SettingsForm', () => {
  it('turns highlights off and a relation off, storing each change and saying so', async () => {
    const { onChange, current } = setup();
    fireEvent.click(screen.getByLabelText('Highlight checked figures in the page'));
    await waitFor(() => expect(screen.getByTestId('settings-status').textContent).toBe('Saved: no highlights in the page.'));
    fireEvent.click(screen.getByLabelText('Figures confirmed by other reports'));
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
    expect(current()).toEqual({ ...defaultSettings(), highlights: false, relations: { differs: true, agrees: false, statements: true } });
    expect((screen.getByLabelText('Figures confirmed by other reports') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('group', { name: 'Show in the sidebar and the page' })).toBeTruthy();
  });

  it('stores a valid tolerance and refuses an invalid one with the reason, tied to the field', async () => {
    const { onChange, current } = setup();
    const field = screen.getByLabelText('Tolerance for “agrees”, in percent') as HTMLInputElement;
    expect(field.value).toBe('3');
    fireEvent.input(field, { target: { value: '40' } });
    fireEvent.change(field);
    await waitFor(() => expect(screen.getByTestId('tolerance-error').textContent).toBe('Error: The tolerance must be between 0% and 25%.'));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain('rp-tolerance-error');
    expect(onChange).not.toHaveBeenCalled();

    fireEvent.input(field, { target: { value: '5' } });
    fireEvent.change(field);
    await waitFor(() => expect(current().agreeTolerancePercent).toBe(5));
    expect(field.getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByTestId('settings-status').textContent).toBe('Saved: figures within 5% of each other agree.');
  });

  it('says when the settings could not be stored', async () => {
    const onChange = vi.fn(() => Promise.reject(new Error('Storage is unavailable.')));
    render(<SettingsForm settings={defaultSettings()} onChange={onChange} />);
    fireEvent.click(screen.getByLabelText('Highlight checked figures in the page'));
    await waitFor(() => expect(screen.getByTestId('settings-status').textContent).toBe('Error: the settings were not saved. Storage is unavailable.'));
  });
});
