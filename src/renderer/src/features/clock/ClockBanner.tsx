import { useStore } from '../../store'
import { direction, formatDuration } from './explain'
import { FixSteps } from './fix-steps'

/** Shown above the codes when the clock is off: by how much, which way, what it does, how to fix it. */
export function ClockBanner() {
  const clock = useStore((s) => s.clock)
  const platform = useStore((s) => s.info?.platform)
  const openTimeSettings = useStore((s) => s.openTimeSettings)
  if (!clock || (clock.state !== 'warn' && clock.state !== 'critical') || clock.offsetMs === null) return null
  const offset = clock.offsetMs
  return (
    <div role="alert" className={`banner banner--${clock.state === 'critical' ? 'critical' : 'warn'} clock-banner`} data-testid="clock-banner">
      <div>
        <p>
          <strong>
            Your computer’s clock is {formatDuration(offset)} {direction(offset)}.
          </strong>{' '}
          Amazon and other sites check codes against the real time, so codes made on this clock
          {clock.state === 'critical' ? ' will be rejected' : ' may be rejected near the end of each countdown'}.
          {clock.correctionMs !== 0 ? ' SellerGuard is computing your codes on the corrected time meanwhile.' : ''}
        </p>
        {clock.timeZoneHours !== null && (
          <p data-testid="timezone-hint">
            That is almost exactly {Math.abs(clock.timeZoneHours)} hour{Math.abs(clock.timeZoneHours) === 1 ? '' : 's'}: the time zone is probably set wrong
            rather than the clock. Check the time zone in your date &amp; time settings.
          </p>
        )}
        <FixSteps platform={platform} />
      </div>
      {(platform === 'win32' || platform === 'darwin') && (
        <button type="button" className="button" onClick={() => void openTimeSettings()}>
          Open Date &amp; Time settings
        </button>
      )}
    </div>
  )
}
