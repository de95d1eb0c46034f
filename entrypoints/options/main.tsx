// "My reports" extension page (the options page): wires the Preact page to the background and the settings item.
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ReportsPage, type ReportsApi } from '../../components/reports/reports-page';
import { SettingsForm } from '../../components/reports/settings-form';
import { KeepSettingsSection, type StorageUse } from '../../components/reports/keep-settings';
import { AnalysisProgress } from '../../components/reports/analysis-progress';
import { AutoKeepSites, type SitePermissions } from '../../components/reports/auto-keep-sites';
import { exportFileName } from '../../components/reports/format';
import { PACK_FILE_LIMIT } from '../../utils/messaging';
import type { Settings } from '../../utils/settings/settings';
import { loadSettings, saveSettings, watchSettings } from '../../utils/settings/settings.browser';
import { askBackground } from '../../utils/ask-background.browser';
import { receiveExportFiles, sendPackFileForImport } from './pack-files';
import { CorrectionsList } from '../../components/reports/corrections-list';
import type { Correction } from '../../utils/corrections/corrections';
import { loadCorrections, undoCorrection, watchCorrections } from '../../utils/corrections/corrections.browser';
import '../../components/reports/reports.css';

/** Hands a text to the reader as a downloaded file, through a Blob URL (no permission needed). */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; revoking later frees the memory without racing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Bumped after each import, so the progress line looks for a background analysis the import started. */
let notifyImported: () => void = () => undefined;

const api: ReportsApi = {
  list: (query) => askBackground('reports/list', query),
  remove: (ids) => askBackground('reports/delete', { ids }),
  undo: (token) => askBackground('reports/undo', token),
  hideBundled: () => askBackground('reports/hide', { ids: null }),
  resetBundled: () => askBackground('reports/reset', null),
  importFile: async (file) => {
    // Checked before reading, so a huge file is never loaded into memory just to be refused.
    if (file.size > PACK_FILE_LIMIT) {
      throw new Error(`The file is too large (${megabytes(file.size)}); packs up to ${megabytes(PACK_FILE_LIMIT)} can be imported. Nothing was imported.`);
    }
    if (file.size === 0) throw new Error('The file is empty. Nothing was imported.');
    const result = await sendPackFileForImport(askBackground, file, file.name);
    notifyImported();
    return result;
  },
  exportPack: async (ids) => {
    const now = new Date();
    const fileNames: string[] = [];
    const { count } = await receiveExportFiles(askBackground, ids ? { ids } : {}, (text, index, total) => {
      const fileName = exportFileName(now, ids !== null, total > 1 ? { index, total } : null);
      fileNames.push(fileName);
      download(text, fileName);
    });
    return { count, fileNames };
  },
};

/** What this extension's origin stores (the database included), as the browser estimates it. */
async function estimateStorage(): Promise<StorageUse | null> {
  if (!navigator.storage?.estimate) return null;
  const { usage, quota } = await navigator.storage.estimate();
  return usage === undefined || quota === undefined ? null : { usage, quota };
}

/** The browser's optional host permissions, for "keep articles on my sites without a click". */
const sitePermissions: SitePermissions = {
  request: (origins) => browser.permissions.request({ origins }),
  remove: (origins) => browser.permissions.remove({ origins }),
  contains: (origins) => browser.permissions.contains({ origins }),
  watch: (changed) => {
    browser.permissions.onAdded.addListener(changed);
    browser.permissions.onRemoved.addListener(changed);
    return () => {
      browser.permissions.onAdded.removeListener(changed);
      browser.permissions.onRemoved.removeListener(changed);
    };
  },
};

function reportHref(id: string): string {
  return browser.runtime.getURL(`/report.html?${new URLSearchParams({ id }).toString()}` as '/report.html');
}

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [imports, setImports] = useState(0);
  notifyImported = () => setImports((n) => n + 1);
  useEffect(() => {
    void loadSettings().then(setSettings);
    // Another tab changing the settings shows here at once.
    return watchSettings(setSettings);
  }, []);
  const onChange = useMemo(
    () => async (next: Settings) => {
      setSettings(await saveSettings(next));
    },
    [],
  );
  const [corrections, setCorrections] = useState<Correction[] | null>(null);
  useEffect(() => {
    void loadCorrections().then(setCorrections);
    // A correction made in a tab's sidebar shows here at once.
    return watchCorrections(setCorrections);
  }, []);
  return (
    <ReportsPage
      api={api}
      reportHref={reportHref}
      importStatus={<AnalysisProgress read={() => askBackground('corpus/progress', null)} trigger={imports} />}
    >
      <SettingsForm settings={settings} onChange={onChange} />
      <KeepSettingsSection settings={settings} onChange={onChange} estimateStorage={estimateStorage} />
      <AutoKeepSites settings={settings} onChange={onChange} permissions={sitePermissions} />
      <CorrectionsList corrections={corrections} onUndo={(key) => void undoCorrection(key).then(setCorrections)} />
    </ReportsPage>
  );
}

render(<App />, document.getElementById('app')!);
