// The one typed message protocol between the content script, extension pages and the background.
import type { ArticleInput } from './analysis/types';
import type { CheckResult } from './match/types';
import type { ReportOrigin } from './corpus/types';

/** Every request the background answers, with its payload and the value of its reply. */
export interface BackgroundCalls {
  /** Corpus size, read from the database. */
  'corpus/stats': { payload: null; value: CorpusStats };
  /** Cross-check an article against the corpus. */
  analyze: { payload: ArticleInput; value: CheckResult };
  /** Badge count of figures that differ, for the sender's tab. */
  'badge/set': { payload: { count: number }; value: null };
  /** Open the report viewer on a report, optionally at one sentence. */
  'report/open': { payload: { id: string; sentence: string | null }; value: null };
}

export interface CorpusStats {
  reports: number;
  byOrigin: Record<ReportOrigin, number>;
}

export type CallName = keyof BackgroundCalls;

export interface Request<K extends CallName = CallName> {
  channel: 'second-source';
  call: K;
  payload: BackgroundCalls[K]['payload'];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export function makeRequest<K extends CallName>(call: K, payload: BackgroundCalls[K]['payload']): Request<K> {
  return { channel: 'second-source', call, payload };
}

export function isRequest(message: unknown): message is Request {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { channel?: unknown }).channel === 'second-source' &&
    typeof (message as { call?: unknown }).call === 'string'
  );
}

export type Handlers<Context> = {
  [K in CallName]: (payload: BackgroundCalls[K]['payload'], context: Context) => Promise<BackgroundCalls[K]['value']>;
};

/**
 * Runs the handler for a request and wraps its outcome in a serializable reply.
 * Errors become `{ ok: false, error }` with the error's message, never a thrown exception across the channel.
 */
export async function dispatch<Context>(
  handlers: Handlers<Context>,
  request: Request,
  context: Context,
): Promise<Reply<unknown>> {
  const handler = handlers[request.call] as ((p: unknown, c: Context) => Promise<unknown>) | undefined;
  if (!handler) return { ok: false, error: `Unknown request "${String(request.call)}".` };
  try {
    return { ok: true, value: await handler(request.payload, context) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
