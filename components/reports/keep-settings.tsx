// The "Keep what I read" section of "My reports": the switch, the sites never kept, how long to keep, storage used.
import { useEffect, useState } from 'preact/hooks';
import { FieldError } from './field-error';
import { describeRetention, parseSiteList, RETENTION_LIMITS, type KeepSettings, type Retention } from '../../utils/settings/keep';
import type { Settings } from '../../utils/settings/settings';

/** What navigator.storage.estimate() said, in bytes; null when the browser gives no estimate. */
export interface StorageUse {
  usage: number;
  quota: number;
}

export interface KeepSettingsProps {
  /** The stored settings; null while they load. */
  settings: Settings | null;
  /** Stores new settings; rejects with a message when they could not be stored. */
  onChange: (next: Settings) => Promise<void>;
  /** Reads the storage the extension uses (navigator.storage.estimate in the page); absent in tests that skip it. */
  estimateStorage?: () => Promise<StorageUse | null>;
}

/** "3.4 MB", "820 KB", "1.2 GB": sizes a reader reads at a glance. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(0, Math.round(bytes / 1024))} KB`;
}

type RetentionKind = Retention['kind'];

/** The switch and the never-keep list apply at once; the retention applies when its number is valid. */
export function KeepSettingsSection({ settings, onChange, estimateStorage }: KeepSettingsProps) {
  const [sites, setSites] = useState('');
  const [sitesError, setSitesError] = useState<string | null>(null);
  const [kind, setKind] = useState<RetentionKind>('forever');
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [storage, setStorage] = useState<StorageUse | null | 'unknown'>(null);

  const keep = settings?.keep;
  useEffect(() => {
    if (!keep) return;
    setSites(keep.neverSites.join('\n'));
    setKind(keep.retention.kind);
    setAmount(keep.retention.kind === 'days' ? String(keep.retention.days) : keep.retention.kind === 'count' ? String(keep.retention.count) : '');
  }, [keep?.neverSites.join('\n'), keep?.retention.kind, JSON.stringify(keep?.retention)]);

  useEffect(() => {
    if (!estimateStorage) return;
    void estimateStorage().then(
      (use) => setStorage(use ?? 'unknown'),
      () => setStorage('unknown'),
    );
  }, [estimateStorage, settings]);

  if (!settings || !keep) {
    return (
      <section class="rp-section" aria-labelledby="rp-keep-title">
        <h2 id="rp-keep-title">Keep what I read</h2>
        <p class="rp-muted" role="status">
          Loading settings…
        </p>
      </section>
    );
  }

  const store = async (next: KeepSettings, said: string) => {
    try {
      await onChange({ ...settings, keep: next });
      setStatus(said);
    } catch (error) {
      setStatus(`Error: the settings were not saved. ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const commitSites = () => {
    const parsed = parseSiteList(sites);
    if (parsed.rejected.length > 0) {
      setSitesError(`Not a site name: ${parsed.rejected.join(', ')}. Write one site per line, such as bank.example.`);
      return;
    }
    setSitesError(null);
    if (parsed.sites.join('\n') === keep.neverSites.join('\n')) return;
    const said = parsed.sites.length === 0 ? 'Saved: no site is excluded.' : `Saved: ${parsed.sites.length} site${parsed.sites.length === 1 ? ' is' : 's are'} never kept.`;
    void store({ ...keep, neverSites: parsed.sites }, said);
  };

  const commitRetention = (nextKind: RetentionKind, text: string) => {
    let retention: Retention;
    if (nextKind === 'forever') retention = { kind: 'forever' };
    else {
      const { min, max } = RETENTION_LIMITS[nextKind];
      const n = Number(text.trim());
      if (!/^\d+$/.test(text.trim()) || n < min || n > max) {
        setAmountError(`Enter a whole number of ${nextKind === 'days' ? 'days' : 'articles'} from ${min} to ${max.toLocaleString('en')}.`);
        return;
      }
      retention = nextKind === 'days' ? { kind: 'days', days: n } : { kind: 'count', count: n };
    }
    setAmountError(null);
    if (JSON.stringify(retention) === JSON.stringify(keep.retention)) return;
    void store({ ...keep, retention }, `Saved: kept articles stay ${describeRetention(retention)}.`);
  };

  return (
    <section class="rp-section" aria-labelledby="rp-keep-title" data-testid="keep-settings">
      <h2 id="rp-keep-title">Keep what I read</h2>
      <form
        class="rp-settings"
        onSubmit={(event) => {
          event.preventDefault();
          commitSites();
          commitRetention(kind, amount);
        }}
      >
        <div class="rp-field rp-inline">
          <input
            id="rp-keep-on"
            type="checkbox"
            role="switch"
            checked={keep.enabled}
            aria-describedby="rp-keep-hint"
            onChange={(event) => {
              const on = (event.currentTarget as HTMLInputElement).checked;
              void store({ ...keep, enabled: on }, on ? 'Saved: every article you check is kept in your reports.' : 'Saved: articles you check are no longer kept.');
            }}
          />
          <label for="rp-keep-on">Keep every article I check in my reports</label>
        </div>
        <p id="rp-keep-hint" class="rp-hint">
          Off unless you turn it on. Each article you check with the Second Source button is saved to your reports
          after the check, so the next article on the same story can be compared with it. Everything stays on this
          computer; the same page read again is updated, never stored twice.
        </p>

        <div class="rp-field">
          <label for="rp-keep-sites">Sites never to keep, one per line</label>
          <textarea
            id="rp-keep-sites"
            rows={3}
            cols={40}
            value={sites}
            aria-invalid={sitesError ? 'true' : 'false'}
            aria-describedby="rp-keep-sites-error"
            onInput={(event) => setSites((event.currentTarget as HTMLTextAreaElement).value)}
            onChange={commitSites}
          />
          <FieldError id="rp-keep-sites-error" testId="keep-sites-error" message={sitesError} />
        </div>

        <fieldset class="rp-fieldset">
          <legend>How long to keep them</legend>
          <div class="rp-field rp-inline">
            <label for="rp-keep-retention">Keep</label>
            <select
              id="rp-keep-retention"
              value={kind}
              onChange={(event) => {
                const next = (event.currentTarget as HTMLSelectElement).value as RetentionKind;
                setKind(next);
                if (next === 'forever') commitRetention(next, '');
                else if (amount) commitRetention(next, amount);
              }}
            >
              <option value="forever">until I delete them</option>
              <option value="days">for a number of days</option>
              <option value="count">only the newest ones</option>
            </select>
            {kind !== 'forever' ? (
              <>
                <input
                  id="rp-keep-amount"
                  type="text"
                  inputMode="numeric"
                  size={7}
                  value={amount}
                  aria-label={kind === 'days' ? 'Days to keep' : 'Articles to keep'}
                  aria-invalid={amountError ? 'true' : 'false'}
                  aria-describedby="rp-keep-amount-error"
                  onInput={(event) => setAmount((event.currentTarget as HTMLInputElement).value)}
                  onChange={() => commitRetention(kind, amount)}
                />
                <span>{kind === 'days' ? 'days after I last read them' : 'articles'}</span>
              </>
            ) : null}
          </div>
          <FieldError id="rp-keep-amount-error" testId="keep-amount-error" message={amountError} />
          <p class="rp-hint">Only articles kept this way are removed; pages you saved yourself and imported packs stay.</p>
        </fieldset>

        <p class="rp-hint" data-testid="storage-used">
          {storage === null
            ? 'Measuring the storage used…'
            : storage === 'unknown'
              ? 'The browser does not say how much storage Second Source uses.'
              : `Storage used by Second Source: ${formatBytes(storage.usage)} of ${formatBytes(storage.quota)} the browser allows.`}
        </p>
        <p role="status" aria-live="polite" class="rp-notice-text" data-testid="keep-status">
          {status}
        </p>
      </form>
    </section>
  );
}
