// @vitest-environment happy-dom
// "Keep articles on my sites without a click": asking the browser for exactly the listed site, in the click, and giving it back.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AutoKeepSites, type SitePermissions } from '../../components/reports/auto-keep-sites';
import { defaultSettings, type Settings } from '../../utils/settings/settings';

afterEach(cleanup);

/** A browser that grants what `answer` says and remembers what it granted. */
function fakePermissions(answer: (origin: string) => boolean) {
  const granted = new Set<string>();
  const calls: string[] = [];
  let notify = () => undefined as void;
  const permissions: SitePermissions = {
    request: vi.fn(async (origins: string[]) => {
      calls.push(`request ${origins.join(' ')}`);
      const ok = origins.every(answer);
      if (ok) for (const origin of origins) granted.add(origin);
      return ok;
    }),
    remove: vi.fn(async (origins: string[]) => {
      calls.push(`remove ${origins.join(' ')}`);
      for (const origin of origins) granted.delete(origin);
      notify();
      return true;
    }),
    contains: async (origins: string[]) => origins.every((origin) => granted.has(origin)),
    watch: (changed) => {
      notify = changed;
      return () => undefined;
    },
  };
  return { permissions, granted, calls };
}

function setup(permissions: SitePermissions, initial: Settings = { ...defaultSettings(), keep: { ...defaultSettings().keep, enabled: true } }) {
  let current = initial;
  const onChange = vi.fn(async (next: Settings) => {
    current = next;
    view.rerender(<AutoKeepSites settings={current} onChange={onChange} permissions={permissions} />);
  });
  const view = render(<AutoKeepSites settings={current} onChange={onChange} permissions={permissions} />);
  return { latest: () => current };
}

function addSite(text: string) {
  fireEvent.input(screen.getByLabelText('Site to keep automatically'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Add and ask permission' }));
}

describe('AutoKeepSites', () => {
  it('explains what it does and lists nothing by default', () => {
    setup(fakePermissions(() => true).permissions, defaultSettings());
    expect(screen.getByRole('region', { name: 'Keep articles on my sites without a click' }).textContent).toMatch(/permission for exactly those\s+sites/);
    expect(screen.getByTestId('auto-site-none').textContent).toMatch(/No site is listed/);
    expect(screen.getByTestId('auto-keep-off').textContent).toMatch(/Keeping is off/);
  });

  it('asks the browser for exactly the added site, within the click, and lists it as allowed', async () => {
    const fake = fakePermissions(() => true);
    const { latest } = setup(fake.permissions);
    addSite('https://www.News.example/world/a-story');
    // Asked synchronously in the click handler, before any await: the browser's user-gesture rule.
    expect(fake.calls).toEqual(['request *://*.news.example/*']);
    await waitFor(() => expect(latest().keep.autoSites).toEqual(['news.example']));
    await waitFor(() => expect(screen.getByTestId('auto-site-state').textContent).toBe('✓ allowed by the browser'));
    expect(screen.getByTestId('auto-status').textContent).toBe('news.example: allowed. Articles you open there are kept.');
    expect(screen.queryByRole('button', { name: 'Ask permission for news.example' })).toBeNull();
  });

  it('lists a refused site as not allowed, with a button to ask again', async () => {
    let allow = false;
    const fake = fakePermissions(() => allow);
    setup(fake.permissions);
    addSite('news.example');
    await waitFor(() => expect(screen.getByTestId('auto-site-state').textContent).toBe('✗ not allowed yet: nothing is read there'));
    expect(screen.getByTestId('auto-status').textContent).toMatch(/not allowed by the browser/);
    allow = true;
    fireEvent.click(screen.getByRole('button', { name: 'Ask permission for news.example' }));
    expect(fake.calls).toEqual(['request *://*.news.example/*', 'request *://*.news.example/*']);
    await waitFor(() => expect(screen.getByTestId('auto-site-state').textContent).toBe('✓ allowed by the browser'));
  });

  it('removes a site and its permission, and hands focus back to the field', async () => {
    const fake = fakePermissions(() => true);
    const { latest } = setup(fake.permissions);
    addSite('news.example');
    await waitFor(() => expect(fake.granted.has('*://*.news.example/*')).toBe(true));
    const remove = await screen.findByRole('button', { name: 'Remove news.example' });
    remove.focus();
    fireEvent.click(remove);
    await waitFor(() => expect(latest().keep.autoSites).toEqual([]));
    expect(fake.calls.at(-1)).toBe('remove *://*.news.example/*');
    expect(fake.granted.size).toBe(0);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Site to keep automatically')));
    expect(screen.getByTestId('auto-status').textContent).toMatch(/^news\.example removed: its permission is given back/);
  });

  it('refuses what is not a site, asking the browser for nothing', () => {
    const fake = fakePermissions(() => true);
    setup(fake.permissions);
    addSite('not a site');
    expect(screen.getByTestId('auto-site-error').textContent).toBe('Error: Not a site name: not a site. Write a site such as news.example.');
    expect(screen.getByLabelText('Site to keep automatically').getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls).toEqual([]);
  });
});
