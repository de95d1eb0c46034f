// "Keep what I read" in the sidebar: one switch that turns keeping on or off and says in words what it did.
import { useEffect, useRef, useState } from 'preact/hooks';

export interface KeepSwitchProps {
  /** Whether keeping is on; null while the settings load (the switch waits, disabled). */
  on: boolean | null;
  /** Stores the new choice (and, when turned on, keeps this article); resolves to what to tell the reader. */
  onToggle: (on: boolean) => Promise<string>;
}

/**
 * A native checkbox with role="switch" (keyboard and screen readers know it), labelled in words, with a polite live
 * region that exists before anything is said, so the outcome of a toggle is announced.
 */
export function KeepSwitch({ on, onToggle }: KeepSwitchProps) {
  const [checked, setChecked] = useState<boolean | null>(on);
  const [status, setStatus] = useState('');
  const busy = useRef(false);
  useEffect(() => setChecked(on), [on]);

  const toggle = async (next: boolean) => {
    if (busy.current) return;
    busy.current = true;
    setChecked(next);
    try {
      setStatus(await onToggle(next));
    } catch (error) {
      setChecked(!next);
      setStatus(`Could not change this: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      busy.current = false;
    }
  };

  return (
    <div class="ss-keep" data-testid="keep-switch">
      <label class="ss-keep-label">
        <input
          type="checkbox"
          role="switch"
          class="ss-keep-input"
          checked={checked === true}
          disabled={checked === null}
          aria-describedby="ss-keep-status"
          data-testid="keep-switch-input"
          onChange={(event) => void toggle((event.currentTarget as HTMLInputElement).checked)}
        />
        Keep what I read
      </label>
      <p id="ss-keep-status" class="ss-keep-status" role="status" aria-live="polite" data-testid="keep-switch-status">
        {status || (checked ? 'Articles you check are kept in your reports, on this computer only.' : '')}
      </p>
    </div>
  );
}
