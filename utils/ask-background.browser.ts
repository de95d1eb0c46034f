// Sends one typed request to the background and unwraps its `{ ok, value | error }` reply.
import { browser } from 'wxt/browser';
import { makeRequest, type BackgroundCalls, type CallName, type Reply } from './messaging';

/**
 * Asks the background for `call` and resolves with the reply's value.
 * Rejects with the background's error message, or when nothing answered (the background was not ready).
 */
export async function askBackground<K extends CallName>(
  call: K,
  payload: BackgroundCalls[K]['payload'],
): Promise<BackgroundCalls[K]['value']> {
  const reply = (await browser.runtime.sendMessage(makeRequest(call, payload))) as
    | Reply<BackgroundCalls[K]['value']>
    | undefined;
  if (!reply || typeof reply !== 'object') throw new Error('The extension did not answer. Reload the page and try again.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
