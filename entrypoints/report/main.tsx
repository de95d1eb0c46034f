// The report viewer page (report.html?id=…&sentence=…): loads one report from the background and shows it.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReportView, type ReportViewState } from '../../components/reports/report-view';
import { askBackground } from '../../utils/ask-background.browser';
import '../../components/reports/reports.css';

const root = document.getElementById('app')!;
const params = new URLSearchParams(location.search);
const id = params.get('id');
const sentence = params.get('sentence');
const reportsHref = browser.runtime.getURL('/options.html');

function draw(state: ReportViewState): void {
  render(<ReportView state={state} sentence={sentence} reportsHref={reportsHref} />, root);
}

async function main(): Promise<void> {
  if (!id) {
    draw({ kind: 'error', message: 'No report was named in this page’s address.' });
    return;
  }
  draw({ kind: 'loading' });
  try {
    const report = await askBackground('reports/get', { id });
    if (!report) {
      draw({ kind: 'missing', id });
      return;
    }
    document.title = `${report.meta.headline ?? 'Report'} · ${report.meta.outlet ?? 'Second Source'}`;
    draw({ kind: 'report', report });
  } catch (error) {
    draw({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

void main();
