import { useEffect } from 'react'
import { useStore } from '../../store'
import { ClockBanner } from './ClockBanner'
import { direction, formatDuration } from './explain'
import { OffsetChart } from './OffsetChart'
import { ServerTable } from './ServerTable'

const STATE_TEXT = {
  ok: 'In sync',
  warn: 'Off — codes may be rejected',
  critical: 'Far off — codes will be rejected',
  unknown: 'Not known',
} as const

const UNKNOWN_TEXT = {
  'no-servers': 'No time servers are set. Add some in Settings.',
  'no-answer': 'No time server answered. Are you offline? This says nothing about your clock.',
  'no-majority': 'The time servers disagreed with each other, so SellerGuard cannot tell which is right.',
  'check-failed': 'The check failed inside SellerGuard. It will try again.',
} as const

export function ClockScreen() {
  const clock = useStore((s) => s.clock)
  const history = useStore((s) => s.clockHistory)
  const checkClock = useStore((s) => s.checkClock)
  const loadHistory = useStore((s) => s.loadClockHistory)
  const checkedAt = clock?.checkedAt ?? null

  // Each finished check adds a point to the chart.
  useEffect(() => void loadHistory(), [checkedAt, loadHistory])

  return (
    <section className="screen" aria-labelledby="clock-title">
      <header className="screen__header">
        <h1 id="clock-title">Clock</h1>
        <button type="button" className="button button--primary" onClick={() => void checkClock()} disabled={clock?.checking}>
          {clock?.checking ? 'Checking…' : 'Check now'}
        </button>
      </header>
      <ClockBanner />
      {clock && (
        <div className="cards">
          <div className={`card card--${clock.state}`} data-testid="clock-card">
            <h2>Your computer’s clock</h2>
            <p className="card__big" data-testid="clock-state">
              {STATE_TEXT[clock.state]}
            </p>
            {clock.offsetMs !== null ? (
              <p data-testid="clock-offset">
                {Math.abs(clock.offsetMs) < 1000
                  ? `Within ${formatDuration(Math.max(1000, Math.abs(clock.offsetMs)))} of the time servers`
                  : `${formatDuration(clock.offsetMs)} ${direction(clock.offsetMs)}`}{' '}
                (± {Math.max(1, Math.round(clock.errorMs ?? 0))} ms, measured offset {Math.round(clock.offsetMs)} ms)
              </p>
            ) : (
              <p>{clock.unknownReason ? UNKNOWN_TEXT[clock.unknownReason] : 'Not checked yet.'}</p>
            )}
            <p className="muted">{clock.checkedAt ? `Last checked ${new Date(clock.checkedAt).toLocaleString()}` : 'Not checked yet.'}</p>
          </div>
          <div className="card">
            <h2>Time used for codes</h2>
            <p className="card__big" data-testid="code-clock">
              {clock.correctionMs === 0 ? 'System clock' : `Corrected time (${clock.correctionMs > 0 ? '+' : '−'}${formatDuration(clock.correctionMs)})`}
            </p>
            <p className="muted">
              {clock.correctionMode === 'auto'
                ? 'Corrected automatically when your clock is off and the measurement is reliable.'
                : clock.correctionMode === 'on'
                  ? 'Always corrected by the last measurement.'
                  : 'Correction is off: codes use the system clock.'}{' '}
              Change this in Settings.
            </p>
          </div>
        </div>
      )}
      <h2 className="section-title">Offset over time</h2>
      <OffsetChart history={history} />
      <h2 className="section-title">Time servers in the last check</h2>
      <ServerTable servers={clock?.servers ?? []} />
    </section>
  )
}
