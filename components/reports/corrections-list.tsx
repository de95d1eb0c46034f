// "Your corrections" in My reports: every link the reader marked, with what they said and an Undo for each.
import type { Correction } from '../../utils/corrections/corrections';

export interface CorrectionsListProps {
  /** null while loading. */
  corrections: Correction[] | null;
  onUndo: (key: string) => void;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function day(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** The reader's corrections, newest first, as a labelled section with one Undo per correction. */
export function CorrectionsList({ corrections, onUndo }: CorrectionsListProps) {
  return (
    <section class="corrections" aria-labelledby="corrections-heading" data-testid="corrections">
      <h2 id="corrections-heading">Your corrections</h2>
      {corrections === null ? (
        <p role="status">Loading…</p>
      ) : corrections.length === 0 ? (
        <p>
          None yet. Under each link in the Second Source panel, “Not the same thing” and “Right” tell it what you think;
          every later check follows what you said.
        </p>
      ) : (
        <ul>
          {[...corrections].reverse().map((c) => (
            <li key={c.key} data-testid="correction-row">
              <span>
                {c.decision === 'different' ? 'Not the same thing: ' : 'Right: '}“{c.a.text}” ({c.a.label}) and “{c.b.text}” ({c.b.label}),{' '}
                {c.kind === 'figure' ? 'figures' : 'statements'}, on {day(c.at)}.
              </span>{' '}
              <button type="button" onClick={() => onUndo(c.key)}>
                Undo<span class="rp-visually-hidden"> this correction</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
