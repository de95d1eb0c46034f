// @vitest-environment happy-dom
// The progress line of the background analysis: shown while it runs, says when it is done, silent otherwise.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { AnalysisProgress } from '../../components/reports/analysis-progress';

afterEach(cleanup);

describe('AnalysisProgress', () => {
  it('says nothing when no analysis runs', async () => {
    let reads = 0;
    render(<AnalysisProgress read={async () => (reads++, null)} trigger={0} />);
    await waitFor(() => expect(reads).toBe(1));
    expect(screen.getByTestId('analysis-progress').textContent).toBe('');
  });

  it('follows a running analysis to its end', async () => {
    const steps = [{ done: 0, total: 0 }, { done: 500, total: 2000 }, { done: 2000, total: 2000 }, null];
    let step = 0;
    render(<AnalysisProgress read={async () => steps[Math.min(step++, steps.length - 1)] ?? null} trigger={1} every={1} />);
    await waitFor(() => expect(screen.getByTestId('analysis-progress').textContent).toBe('Every imported report is analysed and joins your checks.'));
    expect(step).toBeGreaterThanOrEqual(4);
  });

  it('shows the counts in words', async () => {
    render(<AnalysisProgress read={async () => ({ done: 2000, total: 10000 })} trigger={0} every={60_000} />);
    await waitFor(() =>
      expect(screen.getByTestId('analysis-progress').textContent).toBe(
        'Analysing imported reports: 2,000 of 10,000. They are in your reports already, and join your checks as each batch is done.',
      ),
    );
  });
});
