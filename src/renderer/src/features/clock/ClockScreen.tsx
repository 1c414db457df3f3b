import { useEffect, useState } from 'react'
import { clockCondition, describeOffset, formatSigned, robustnessWords } from '../../contract'
import { useStore } from '../../store'
import { ClockBanner } from './ClockBanner'
import { CodeHelpDialog } from './CodeHelpDialog'
import { OffsetChart } from './OffsetChart'
import { ServerTable } from './ServerTable'
import { useNow } from './use-now'

export function ClockScreen() {
  const clock = useStore((s) => s.clock)
  const accounts = useStore((s) => s.accounts)
  const history = useStore((s) => s.clockHistory)
  const checkClock = useStore((s) => s.checkClock)
  const loadHistory = useStore((s) => s.loadClockHistory)
  const [helping, setHelping] = useState<string | null>(null)
  const now = useNow(30_000)
  const checkedAt = clock?.checkedAt ?? null

  // Each finished check adds a point to the chart.
  useEffect(() => void loadHistory(), [checkedAt, loadHistory])

  const c = clockCondition(clock, now)
  const m = clock?.measurement ?? null
  const firstAccount = accounts.find((a) => a.type !== 'hotp')?.id ?? accounts[0]?.id ?? null
  const openHelp = firstAccount ? () => setHelping(firstAccount) : undefined
  return (
    <section className="screen" aria-labelledby="clock-title">
      <header className="screen__header">
        <h1 id="clock-title">Clock</h1>
        <div className="toolbar">
          {openHelp && (
            <button type="button" className="button" onClick={openHelp} data-testid="clock-code-help">
              Code rejected?
            </button>
          )}
          <button type="button" className="button button--primary" onClick={() => void checkClock()} disabled={clock?.checking}>
            {clock?.checking ? 'Checking…' : 'Check now'}
          </button>
        </div>
      </header>
      <ClockBanner {...(openHelp ? { onHelp: openHelp } : {})} />
      {clock && (
        <div className="cards">
          <div className={`card card--${c.tone}`} data-testid="clock-card">
            <h2>Your computer’s clock</h2>
            <p className="card__big" data-testid="clock-state">
              {c.short}
            </p>
            <p data-testid="clock-offset">{c.headline}</p>
            {c.source && <p className="muted" data-testid="clock-source">{c.source}</p>}
            {m && m.answered >= 3 && <p className="muted">{robustnessWords(m.answered, m.agreed, m.source)}</p>}
            {c.caveat && <p data-testid="clock-caveat">{c.caveat}</p>}
            <p className="muted">{clock.checkedAt ? `Last check finished ${new Date(clock.checkedAt).toLocaleString()}` : 'Not checked yet.'}</p>
          </div>
          <div className="card">
            <h2>Time used for codes</h2>
            <p className="card__big" data-testid="code-clock">
              {clock.correctionMs === 0 ? 'System clock' : `Corrected time (${formatSigned(clock.correctionMs)})`}
            </p>
            <p data-testid="code-clock-effect">
              {clock.correctionMs !== 0
                ? `Your clock is ${describeOffset(clock.correctionMs)}, and SellerGuard computes your codes on the corrected time, so they work.`
                : (c.codes ?? 'Codes use this computer’s clock as it is.')}
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
      {helping && <CodeHelpDialog id={helping} onClose={() => setHelping(null)} />}
    </section>
  )
}
