// "Analysing imported reports: 2,000 of 10,000": the progress of the background analysis, read from the background.
import { useEffect, useState } from 'preact/hooks';

export interface AnalysisProgressProps {
  /** Where the background analysis stands; null when none runs. */
  read: () => Promise<{ done: number; total: number } | null>;
  /** Changes when something may have started an analysis (an import): the section looks again. */
  trigger: number;
  /** Milliseconds between reads while an analysis runs; default 500. */
  every?: number;
}

/**
 * A polite status line that appears while imported reports are analysed and says when they are all done. It reads
 * the progress on mount and after each `trigger`, and keeps reading only while an analysis runs.
 */
export function AnalysisProgress({ read, trigger, every = 500 }: AnalysisProgressProps) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [finished, setFinished] = useState(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seen = false;
    const look = async () => {
      const now = await read().catch(() => null);
      if (stopped) return;
      setProgress(now);
      if (now) {
        seen = true;
        setFinished(false);
        timer = setTimeout(() => void look(), every);
      } else if (seen) setFinished(true);
    };
    void look();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [trigger]);

  const text = progress
    ? progress.total === 0
      ? 'Analysing imported reports…'
      : `Analysing imported reports: ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')}. They are in your reports already, and join your checks as each batch is done.`
    : finished
      ? 'Every imported report is analysed and joins your checks.'
      : '';
  return (
    <p role="status" aria-live="polite" class="rp-notice-text" data-testid="analysis-progress">
      {progress && progress.total > 0 ? <progress max={progress.total} value={progress.done} aria-hidden="true" /> : null}
      {text}
    </p>
  );
}
