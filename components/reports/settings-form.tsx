// The settings section of "My reports": highlights on/off, relations to show, and the tolerance for "agrees".
import { useEffect, useState } from 'preact/hooks';
import { FieldError } from './field-error';
import { MAX_TOLERANCE, MIN_TOLERANCE, parseTolerance, type RelationFilter, type Settings } from '../../utils/settings/settings';

export interface SettingsFormProps {
  /** The stored settings; null while they load. */
  settings: Settings | null;
  /** Stores new settings; rejects with a message when they could not be stored. */
  onChange: (next: Settings) => Promise<void>;
}

const RELATIONS: { key: keyof RelationFilter; label: string; hint: string }[] = [
  { key: 'differs', label: 'Figures that differ from other reports', hint: 'the figures to double-check' },
  { key: 'agrees', label: 'Figures confirmed by other reports', hint: 'other reports give the same value' },
  { key: 'statements', label: 'Statements corroborated by other reports', hint: 'quotes other reports also carry' },
];

/** Checkboxes apply at once; the tolerance applies when it is a valid number (on change), and says why when not. */
export function SettingsForm({ settings, onChange }: SettingsFormProps) {
  const [tolerance, setTolerance] = useState('');
  const [toleranceError, setToleranceError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (settings) setTolerance(String(settings.agreeTolerancePercent));
  }, [settings?.agreeTolerancePercent]);

  if (!settings) {
    return (
      <section class="rp-section" aria-labelledby="rp-settings-title">
        <h2 id="rp-settings-title">Settings</h2>
        <p class="rp-muted" role="status">
          Loading settings…
        </p>
      </section>
    );
  }

  const store = async (next: Settings, said: string) => {
    try {
      await onChange(next);
      setStatus(said);
    } catch (error) {
      setStatus(`Error: the settings were not saved. ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const commitTolerance = () => {
    const parsed = parseTolerance(tolerance);
    if (!parsed.ok) {
      setToleranceError(parsed.error);
      return;
    }
    setToleranceError(null);
    if (parsed.value !== settings.agreeTolerancePercent) {
      void store({ ...settings, agreeTolerancePercent: parsed.value }, `Saved: figures within ${parsed.value}% of each other agree.`);
    }
  };

  return (
    <section class="rp-section" aria-labelledby="rp-settings-title">
      <h2 id="rp-settings-title">Settings</h2>
      <form class="rp-settings" onSubmit={(event) => {
        event.preventDefault();
        commitTolerance();
      }}>
        <div class="rp-field rp-inline">
          <input
            id="rp-highlights"
            type="checkbox"
            checked={settings.highlights}
            onChange={(event) => {
              const on = (event.currentTarget as HTMLInputElement).checked;
              void store({ ...settings, highlights: on }, on ? 'Saved: figures are highlighted in the page.' : 'Saved: no highlights in the page.');
            }}
          />
          <label for="rp-highlights">Highlight checked figures in the page</label>
        </div>

        <fieldset class="rp-fieldset">
          <legend>Show in the sidebar and the page</legend>
          {RELATIONS.map(({ key, label, hint }) => (
            <div class="rp-field rp-inline" key={key}>
              <input
                id={`rp-relation-${key}`}
                type="checkbox"
                checked={settings.relations[key]}
                aria-describedby={`rp-relation-${key}-hint`}
                onChange={(event) => {
                  const on = (event.currentTarget as HTMLInputElement).checked;
                  void store({ ...settings, relations: { ...settings.relations, [key]: on } }, `Saved: ${label.toLowerCase()} are ${on ? 'shown' : 'hidden'}.`);
                }}
              />
              <label for={`rp-relation-${key}`}>{label}</label>
              <span id={`rp-relation-${key}-hint`} class="rp-hint">
                ({hint})
              </span>
            </div>
          ))}
        </fieldset>

        <div class="rp-field">
          <label for="rp-tolerance">Tolerance for “agrees”, in percent</label>
          <div class="rp-inline">
            <input
              id="rp-tolerance"
              type="text"
              inputMode="decimal"
              size={6}
              value={tolerance}
              aria-invalid={toleranceError ? 'true' : 'false'}
              aria-describedby="rp-tolerance-hint rp-tolerance-error"
              onInput={(event) => setTolerance((event.currentTarget as HTMLInputElement).value)}
              onChange={commitTolerance}
            />
            <span aria-hidden="true">%</span>
          </div>
          <p id="rp-tolerance-hint" class="rp-hint">
            Two figures whose values differ by less than this share of the larger one count as agreeing (default 3%,
            from {MIN_TOLERANCE}% to {MAX_TOLERANCE}%).
          </p>
          <FieldError id="rp-tolerance-error" testId="tolerance-error" message={toleranceError} />
        </div>
        <p role="status" aria-live="polite" class="rp-notice-text" data-testid="settings-status">
          {status}
        </p>
      </form>
    </section>
  );
}
