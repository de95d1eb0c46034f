// A toolbar click during page load: refused once, injected again once the page has loaded; only closed pages say so.
import { describe, expect, it } from 'vitest';
import { injectOnClick, isOrdinaryPage, type InjectionDeps } from '../../entrypoints/background/click-injection';

const REFUSED = new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');

/** Deps whose injection fails the first `failures` times; records what happened. */
function deps(failures: number) {
  const events: string[] = [];
  let calls = 0;
  const clicks = new Set<string>();
  const value: InjectionDeps = {
    inject: async (_tab, click) => {
      clicks.add(click);
      calls++;
      events.push(`inject ${calls}`);
      if (calls <= failures) throw REFUSED;
    },
    loaded: async () => {
      events.push('loaded');
    },
    sleep: async () => undefined,
    log: () => events.push('log'),
  };
  return { value, events, clicks };
}

describe('injectOnClick', () => {
  it('injects once on an ordinary click', async () => {
    const { value, events } = deps(0);
    expect(await injectOnClick({ id: 1, url: 'https://news.example/a' }, value)).toEqual({ ok: true, retried: false });
    expect(events).toEqual(['inject 1']);
  });

  it('recovers a click refused while the page loaded: waits for the load, injects again', async () => {
    const { value, events } = deps(2);
    expect(await injectOnClick({ id: 1, url: 'http://127.0.0.1:8080/story', pendingUrl: undefined }, value)).toEqual({ ok: true, retried: true });
    expect(events).toEqual(['inject 1', 'log', 'loaded', 'inject 2', 'inject 3']);
  });

  it('gives every try of one click the same click id', async () => {
    const { value, clicks } = deps(3);
    await injectOnClick({ id: 1, url: 'https://news.example/a' }, value);
    expect(clicks.size).toBe(1);
  });

  it('asks the reader to click again when the loaded page refuses every retry, never "cannot read"', async () => {
    const { value } = deps(4);
    expect(await injectOnClick({ id: 1, url: 'https://news.example/a' }, value)).toMatchObject({ ok: false, reason: 'again' });
  });

  it.each(['chrome://version', 'https://chromewebstore.google.com/x'.replace('https', 'chrome-extension'), 'about:blank', 'file:///tmp/a.html'])(
    'says a page is closed at once, without a retry (%s)',
    async (url) => {
      const { value, events } = deps(5);
      expect(await injectOnClick({ id: 1, url }, value)).toMatchObject({ ok: false, reason: 'closed' });
      expect(events).toEqual(['inject 1']);
    },
  );

  it('stops, quietly, when the tab was closed meanwhile', async () => {
    const value: InjectionDeps = {
      inject: async () => {
        throw new Error('No tab with id: 7');
      },
      loaded: async () => undefined,
      sleep: async () => undefined,
      log: () => undefined,
    };
    expect(await injectOnClick({ id: 7, url: 'https://news.example/a' }, value)).toMatchObject({ ok: false, reason: 'gone' });
  });

  it.each([
    ['Cannot access a chrome:// URL'],
    ['The extensions gallery cannot be scripted.'],
  ])('says a page whose address it cannot see is closed when the refusal names one (%s)', async (message) => {
    const events: string[] = [];
    const value: InjectionDeps = {
      inject: async () => {
        events.push('inject');
        throw new Error(message);
      },
      loaded: async () => undefined,
      sleep: async () => undefined,
      log: () => undefined,
    };
    expect(await injectOnClick({ id: 3 }, value)).toMatchObject({ ok: false, reason: 'closed' });
    expect(events).toEqual(['inject']);
  });

  it('treats an address it cannot see as ordinary', () => {
    expect(isOrdinaryPage(undefined)).toBe(true);
    expect(isOrdinaryPage('HTTPS://x.example')).toBe(true);
  });
});
