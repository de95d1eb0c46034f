// "Save to my reports" in the sidebar: one button that saves (or updates) the page and announces the outcome.
import { useRef, useState } from 'preact/hooks';

/** What the background answered to a save. */
export interface SaveOutcome {
  /** True when the page was already in the reader's reports and was updated (never duplicated). */
  updated: boolean;
}

/** The page's entry in the reader's reports, when it is already there (recognized on a later visit). */
export interface KnownReport {
  addedAt: number;
}

export interface SaveReportButtonProps {
  /** Saves the page's article; rejects with a message the reader can act on. */
  onSave: () => Promise<SaveOutcome>;
  /** Set when this page is already one of the reader's reports. */
  known?: KnownReport | null;
  /** Formats the date the page was first saved; default: the date part of toLocaleDateString. */
  formatAdded?: (ms: number) => string;
}

type Phase = { kind: 'idle' } | { kind: 'saving' } | { kind: 'done'; updated: boolean } | { kind: 'error'; message: string };

/**
 * A real <button> (keyboard-reachable, named by its text) with an always-present polite live region beside it:
 * the region exists before anything is announced, so screen readers pick up the change.
 * The state is said in words ("Saved", "Updated", "Could not save: …"), colour only adds to it.
 */
export function SaveReportButton({ onSave, known = null, formatAdded = defaultFormat }: SaveReportButtonProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = useRef(false);

  const save = async () => {
    if (busy.current) return;
    busy.current = true;
    setPhase({ kind: 'saving' });
    try {
      const outcome = await onSave();
      setPhase({ kind: 'done', updated: outcome.updated });
    } catch (error) {
      setPhase({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      busy.current = false;
    }
  };

  const alreadySaved = known !== null || phase.kind === 'done';
  const label =
    phase.kind === 'saving' ? 'Saving…' : alreadySaved ? 'Update in my reports' : 'Save to my reports';

  return (
    <div class="ss-save" data-testid="save-report">
      <button
        type="button"
        class="ss-save-button"
        onClick={save}
        aria-disabled={phase.kind === 'saving' ? 'true' : undefined}
        aria-describedby="ss-save-status"
        data-testid="save-report-button"
      >
        <span aria-hidden="true" class="ss-save-icon">
          {phase.kind === 'done' || known ? '✓' : '+'}
        </span>
        {label}
      </button>
      <p id="ss-save-status" class={`ss-save-status ss-save-${phase.kind}`} role="status" aria-live="polite" data-testid="save-report-status">
        {statusText(phase, known, formatAdded)}
      </p>
    </div>
  );
}

function statusText(phase: Phase, known: KnownReport | null, formatAdded: (ms: number) => string): string {
  switch (phase.kind) {
    case 'saving':
      return 'Saving this page to your reports…';
    case 'done':
      return phase.updated ? 'Updated: your saved copy of this page now matches it.' : 'Saved to your reports.';
    case 'error':
      return `Could not save: ${phase.message}`;
    case 'idle':
      return known ? `In your reports since ${formatAdded(known.addedAt)}.` : '';
  }
}

function defaultFormat(ms: number): string {
  return new Date(ms).toLocaleDateString();
}
