// "Keep articles on my sites without a click" in "My reports": the listed sites and the browser permission for each.
import { useEffect, useRef, useState } from 'preact/hooks';
import { FieldError } from './field-error';
import { siteHost } from '../../utils/settings/keep';
import { sitePattern } from '../../utils/settings/site-permissions';
import type { Settings } from '../../utils/settings/settings';

/** The browser's host permissions (browser.permissions in the page), passed in so tests can stand in for it. */
export interface SitePermissions {
  /** Asks the browser; must be called within the reader's click, before anything is awaited. */
  request: (origins: string[]) => Promise<boolean>;
  remove: (origins: string[]) => Promise<boolean>;
  contains: (origins: string[]) => Promise<boolean>;
  /** Calls back when a permission is granted or taken back anywhere (the browser's own menus too); returns the unwatch. */
  watch: (changed: () => void) => () => void;
}

export interface AutoKeepSitesProps {
  /** The stored settings; null while they load. */
  settings: Settings | null;
  /** Stores new settings; rejects with a message when they could not be stored. */
  onChange: (next: Settings) => Promise<void>;
  permissions: SitePermissions;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Adding a site asks the browser for exactly that site, from the click itself; a refused site stays listed as "not
 * allowed" with a button to ask again. Removing a site gives its permission back.
 */
export function AutoKeepSites({ settings, onChange, permissions }: AutoKeepSitesProps) {
  const [entry, setEntry] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [changes, setChanges] = useState(0);
  const field = useRef<HTMLInputElement>(null);

  const sites = settings?.keep.autoSites ?? [];
  const sitesKey = sites.join('\n');
  useEffect(() => permissions.watch(() => setChanges((n) => n + 1)), [permissions]);
  useEffect(() => {
    let current = true;
    void Promise.all(sites.map(async (site) => [site, await permissions.contains([sitePattern(site)]).catch(() => false)] as const)).then((pairs) => {
      if (current) setGranted(Object.fromEntries(pairs));
    });
    return () => {
      current = false;
    };
  }, [sitesKey, changes, permissions]);

  if (!settings) {
    return (
      <section class="rp-section" aria-labelledby="rp-auto-title">
        <h2 id="rp-auto-title">Keep articles on my sites without a click</h2>
        <p class="rp-muted" role="status">
          Loading settings…
        </p>
      </section>
    );
  }
  const keep = settings.keep;

  const storeSites = (next: string[]) => onChange({ ...settings, keep: { ...keep, autoSites: next } });

  /** The browser's answer for `site`, asked for in the reader's click: `asked` was started before any await. */
  const settle = async (site: string, asked: Promise<boolean>, adding: boolean) => {
    let allowed = false;
    try {
      allowed = await asked;
    } catch (problem) {
      setStatus(`Error: the browser did not ask for ${site}. ${messageOf(problem)}`);
    }
    try {
      if (adding) await storeSites([...sites, site]);
    } catch (problem) {
      setStatus(`Error: the list was not saved. ${messageOf(problem)}`);
      return;
    }
    setGranted((before) => ({ ...before, [site]: allowed }));
    setChanges((n) => n + 1);
    setStatus(
      allowed
        ? `${site}: allowed. Articles you open there are kept${keep.enabled ? '' : ' once keeping is on'}.`
        : `${site}: not allowed by the browser. Nothing is read there; use "Ask permission" to try again.`,
    );
  };

  const add = (event: Event) => {
    event.preventDefault();
    const site = siteHost(entry);
    if (!site) {
      setError(`Not a site name: ${entry.trim() || '(empty)'}. Write a site such as news.example.`);
      return;
    }
    setError(null);
    // Asked now, within the click: the browser refuses a request made after an await, once the gesture is gone.
    const asked = permissions.request([sitePattern(site)]);
    setEntry('');
    void settle(site, asked, !sites.includes(site));
  };

  const askAgain = (site: string) => {
    void settle(site, permissions.request([sitePattern(site)]), false);
  };

  const remove = async (site: string) => {
    try {
      await permissions.remove([sitePattern(site)]);
      await storeSites(sites.filter((listed) => listed !== site));
      setStatus(`${site} removed: its permission is given back, and nothing there is kept without a click.`);
    } catch (problem) {
      setStatus(`Error: ${site} could not be removed. ${messageOf(problem)}`);
    }
    setChanges((n) => n + 1);
    // The removed row's button is gone: focus goes back to the field, where the next action starts.
    field.current?.focus();
  };

  return (
    <section class="rp-section" aria-labelledby="rp-auto-title" data-testid="auto-keep-sites">
      <h2 id="rp-auto-title">Keep articles on my sites without a click</h2>
      <p id="rp-auto-hint" class="rp-hint">
        Optional. On the sites you list here, every article you open is kept in your reports without you clicking the
        Second Source button. To read those pages, Second Source needs your browser's permission for exactly those
        sites: the browser asks you when you add one, and removing a site gives the permission back. Nothing is read on
        any other site nor on your sites never to keep, nothing is shown on the page, and everything stays on this
        computer.
      </p>
      {keep.enabled ? null : (
        <p class="rp-hint" data-testid="auto-keep-off">
          Keeping is off, so nothing is kept on these sites either. Turn on "Keep every article I check in my reports"
          above to start.
        </p>
      )}
      <form class="rp-settings" onSubmit={add}>
        <div class="rp-field rp-inline">
          <label for="rp-auto-site">Site to keep automatically</label>
          <input
            id="rp-auto-site"
            value={entry}
            placeholder="news.example"
            size={30}
            type="text"
            ref={field}
            aria-invalid={error ? 'true' : 'false'}
            aria-describedby="rp-auto-hint rp-auto-error"
            onInput={(event) => setEntry((event.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="rp-button">
            Add and ask permission
          </button>
        </div>
        <FieldError id="rp-auto-error" testId="auto-site-error" message={error} />
      </form>
      {sites.length === 0 ? (
        <p class="rp-muted" data-testid="auto-site-none">
          No site is listed: articles are kept only when you check them.
        </p>
      ) : (
        <ul class="rp-site-list" aria-label="Sites kept automatically">
          {sites.map((site) => {
            const state = granted[site];
            return (
              <li key={site} data-testid="auto-site" data-granted={state === undefined ? 'unknown' : String(state)}>
                <span class="rp-site-name">{site}</span>{' '}
                <span class="rp-site-state" data-testid="auto-site-state">
                  {state === undefined ? 'checking…' : state ? '✓ allowed by the browser' : '✗ not allowed yet: nothing is read there'}
                </span>{' '}
                {state === false ? (
                  <button type="button" class="rp-button" aria-label={`Ask permission for ${site}`} onClick={() => askAgain(site)}>
                    Ask permission
                  </button>
                ) : null}{' '}
                <button type="button" class="rp-button" aria-label={`Remove ${site}`} onClick={() => void remove(site)}>
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" aria-live="polite" class="rp-notice-text" data-testid="auto-status">
        {status}
      </p>
    </section>
  );
}
