// The sidebar's host in the page: an element with an unpredictable name and a closed shadow root the page cannot read.

/**
 * Set in this isolated world by the background before injection, only when the trusted-only storage key
 * `testing:openShadowRoot` is set (by the end-to-end harness): the shadow root is then open so that Playwright's
 * locators reach the sidebar. A page can neither set it (it is in the extension's world) nor write that storage key.
 */
export const OPEN_SHADOW_FOR_TESTS = Symbol.for('second-source/testing-open-shadow');

/** Events that stop at the shadow root: keys typed in the sidebar never reach the page's shortcuts. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/** The reset that keeps the page's CSS off the host: !important :host rules beat the page's own rules. */
const HOST_RESET = ':host{all:initial !important;}';

export interface SidebarHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Where the sidebar renders. */
  container: HTMLElement;
  /** Where tooltips go: beside the sidebar, inside the same closed tree. */
  layer: HTMLElement;
  /** Appends the host to the page's body (again, when a page script removed it). */
  mount: () => void;
  remove: () => void;
}

/**
 * A valid custom-element name no page can guess ahead: two random runs of letters. A page that defines
 * `second-source-sidebar` (or any fixed name) as its own custom element can no longer take over the host.
 */
export function randomHostName(random: () => number = Math.random): string {
  const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
  return `${letters(8)}-${letters(12)}`;
}

/**
 * Makes the host (not yet in the page). Throws when the document cannot hold it (no body, a page that broke
 * attachShadow on the element): the caller shows "!" on the button with the reason.
 */
export function createSidebarHost(doc: Document, css: string, testing: boolean): SidebarHost {
  if (!doc.body) throw new Error('This page has no body to hold the sidebar (a frameset or an image).');
  const host = doc.createElement(randomHostName());
  const shadow = host.attachShadow({ mode: testing ? 'open' : 'closed' });
  if (testing) host.dataset.testid = 'second-source-host';
  const style = doc.createElement('style');
  style.textContent = `${HOST_RESET}\n${css}`;
  const container = doc.createElement('div');
  const layer = doc.createElement('div');
  layer.dataset.layer = 'tooltips';
  shadow.append(style, container, layer);
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
  return {
    host,
    shadow,
    container,
    layer,
    mount: () => {
      if (!host.isConnected) doc.body.append(host);
    },
    remove: () => host.remove(),
  };
}
