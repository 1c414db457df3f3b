import { clockCondition } from '../../contract'
import { useStore } from '../../store'
import { FixSteps } from './fix-steps'
import { useNow } from './use-now'

/** Shown above the codes when the clock is off: the shared words, what it does to codes, how to fix it, and the "code rejected?" helper. */
export function ClockBanner({ onHelp }: Readonly<{ onHelp?: () => void }>) {
  const clock = useStore((s) => s.clock)
  const platform = useStore((s) => s.info?.platform)
  const openTimeSettings = useStore((s) => s.openTimeSettings)
  const now = useNow(30_000)
  const c = clockCondition(clock, now)
  if (c.kind !== 'off' && c.kind !== 'time-zone') return null
  return (
    <div role="alert" className={`banner banner--${c.tone === 'critical' ? 'critical' : 'warn'} clock-banner`} data-testid="clock-banner">
      <div>
        <p>
          <strong data-testid="clock-banner-headline">{c.headline}</strong> <span data-testid="clock-banner-codes">{c.codes}</span>
        </p>
        {c.caveat && <p className="muted">{c.caveat}</p>}
        <FixSteps platform={platform} timeZone={c.kind === 'time-zone'} />
      </div>
      <div className="clock-banner__actions">
        {onHelp && (
          <button type="button" className="button" onClick={onHelp} data-testid="banner-code-help">
            Code rejected?
          </button>
        )}
        {(platform === 'win32' || platform === 'darwin') && (
          <button type="button" className="button" onClick={() => void openTimeSettings()}>
            Open Date &amp; Time settings
          </button>
        )}
      </div>
    </div>
  )
}
