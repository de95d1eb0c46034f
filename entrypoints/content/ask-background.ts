// The content script's way to ask the background: the shared shell in utils/ask-background.browser.ts.
export { askBackground } from '../../utils/ask-background.browser';
