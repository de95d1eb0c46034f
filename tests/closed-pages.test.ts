// Which pages count as closed to extensions, and which injection results mean the content script never ran.
import { describe, expect, it } from 'vitest';
import { injectionReached, isClosedPage } from '../utils/closed-pages';

describe('isClosedPage', () => {
  it.each([
    ['about:support', true],
    ['about:blank', true],
    ['about:addons', true],
    ['chrome://version/', true],
    ['chrome-extension://abcdefghijklmnop/options.html', true],
    ['moz-extension://5ec0ad50-0dce-4e2b-9a8e-5ec0ad50ce12/report.html?id=x', true],
    ['view-source:https://news.example/story', true],
    ['resource://gre/modules/foo.sys.mjs', true],
    ['https://addons.mozilla.org/en-US/firefox/', true],
    ['https://chromewebstore.google.com/detail/x', true],
    ['https://chrome.google.com/webstore/detail/x', true],
    ['https://chrome.google.com/search', false],
    ['https://microsoftedge.microsoft.com/addons/detail/x', true],
    ['https://news.example/2022/02/troops', false],
    ['http://127.0.0.1:8080/report/1', false],
    ['https://addons.mozilla.org.news.example/story', false],
    ['file:///home/reader/saved-page.html', false],
    ['data:text/html,<p>hi</p>', false],
    ['not a url', false],
    [undefined, false],
    ['', false],
  ])('%s is closed: %s', (url, closed) => {
    expect(isClosedPage(url)).toBe(closed);
  });
});

describe('injectionReached', () => {
  it.each([
    ['Chromium, the script ran', [{ frameId: 0, documentId: 'd', result: null }], true],
    ['Firefox, the script ran (no result value)', [{ frameId: 0, documentId: 'd' }], true],
    ['Firefox, an error in the top frame', [{ frameId: 0, error: new Error('Missing host permission for the tab') }], false],
    ['an empty list', [], false],
    ['only a subframe ran', [{ frameId: 7 }], false],
    ['no list at all', undefined, false],
  ])('%s: %s', (_case, results, reached) => {
    expect(injectionReached(results)).toBe(reached);
  });
});
