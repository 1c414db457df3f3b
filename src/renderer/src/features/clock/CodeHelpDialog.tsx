import { useEffect, useState } from 'react'
import { clockCondition, codeAdvice, codeTiming, groupCode, type CodesAround } from '../../contract'
import { useStore } from '../../store'
import { Dialog } from '../../ui/Dialog'

type Row = Readonly<{ step: number; label: string; code: string | null; expected: boolean }>

/**
 * "Code rejected?": the codes around now, with the one the site expects
 * (on the measured true time) highlighted and its seconds left, advice
 * that depends on which way the clock is off, and a button that copies
 * the expected code. It recomputes at every second and step boundary.
 */
export function CodeHelpDialog({ id, onClose }: Readonly<{ id: string; onClose: () => void }>) {
  const accounts = useStore((s) => s.accounts)
  const [accountId, setAccountId] = useState(id)
  const account = accounts.find((a) => a.id === accountId)
  const clock = useStore((s) => s.clock)
  const frame = useStore((s) => s.frames[accountId])
  const copyCode = useStore((s) => s.copyCode)
  const codesAround = useStore((s) => s.codesAround)
  const [around, setAround] = useState<CodesAround | null>(null)
  const [now, setNow] = useState(() => Date.now())

  const timing = around && around.kind === 'totp' ? codeTiming({ nowMs: now, offsetMs: around.offsetMs, correctionMs: around.correctionMs, periodS: around.period }) : null
  const known = (step: number | null) => step === null || (around?.codes.some((c) => c.step === step) ?? false)
  const stale = timing !== null && (!known(timing.shownStep - 1) || !known(timing.shownStep + 1) || !known(timing.expectedStep))

  // Codes come from main (the renderer never sees a key): fetched again for a new account, a new clock status, a new frame, or when the clocks move past the steps we have.
  useEffect(() => {
    let live = true
    void codesAround(accountId).then((reply) => live && reply.ok && setAround(reply.value))
    return () => {
      live = false
    }
  }, [accountId, clock, frame, stale, codesAround])

  // Live: re-render at the next second or step boundary of either clock, and at least every second.
  useEffect(() => {
    const wait = Math.max(20, Math.min(1000, timing?.msUntilChange ?? 1000))
    const timer = setTimeout(() => setNow(Date.now()), wait)
    return () => clearTimeout(timer)
  })

  if (!account) return null
  const codeOf = (step: number) => around?.codes.find((c) => c.step === step)?.code ?? null
  const rows: Row[] = []
  if (timing) {
    const { shownStep, expectedStep } = timing
    if (expectedStep !== null && expectedStep < shownStep - 1) rows.push({ step: expectedStep, label: `${shownStep - expectedStep} steps back`, code: codeOf(expectedStep), expected: true })
    rows.push({ step: shownStep - 1, label: 'Previous', code: codeOf(shownStep - 1), expected: expectedStep === shownStep - 1 })
    rows.push({ step: shownStep, label: `Current (${timing.shownSecondsLeft} s left on SellerGuard)`, code: codeOf(shownStep), expected: expectedStep === shownStep })
    rows.push({ step: shownStep + 1, label: 'Next', code: codeOf(shownStep + 1), expected: expectedStep === shownStep + 1 })
    if (expectedStep !== null && expectedStep > shownStep + 1) rows.push({ step: expectedStep, label: `${expectedStep - shownStep} steps ahead`, code: codeOf(expectedStep), expected: true })
  }
  const condition = clockCondition(clock, now)
  const totps = accounts.filter((a) => a.type !== 'hotp')

  return (
    <Dialog title="Code rejected?" onClose={onClose} testId="code-help">
      <div className="form code-help">
        <label className="field">
          <span>Account</span>
          <select className="input" value={accountId} onChange={(e) => setAccountId(e.target.value)} data-testid="code-help-account">
            {(totps.length > 0 ? totps : accounts).map((a) => (
              <option key={a.id} value={a.id}>
                {[a.issuer, a.label].filter(Boolean).join(' — ')}
              </option>
            ))}
          </select>
        </label>
        {around === null ? (
          <p>Loading…</p>
        ) : around.kind === 'hotp' ? (
          <p data-testid="rejection-explanation">
            This account uses counter-based codes (HOTP): the time does not matter. Each new code moves the counter on; if the site is behind, try the next code.
          </p>
        ) : (
          <>
            <ol className="around" aria-label="Codes around now">
              {rows.map((row) => (
                <li key={row.step} className={`around__code${row.expected ? ' around__code--expected' : ''}`} data-testid={row.expected ? 'around-expected' : `around-${row.label.split(' ')[0]!.toLowerCase()}`}>
                  <span className="muted">{row.label}</span>
                  <strong className="code-text">{row.code ? groupCode(row.code) : '—'}</strong>
                  {row.expected && timing?.expectedSecondsLeft !== null && (
                    <span className="around__badge" data-testid="expected-left">
                      The site expects this one: {timing?.expectedSecondsLeft} s left
                    </span>
                  )}
                </li>
              ))}
            </ol>
            <p data-testid="rejection-explanation">
              {codeAdvice(timing!, around.offsetMs, around.correctionMs, around.period)}
            </p>
          </>
        )}
        {condition.caveat && <p className="muted" data-testid="code-help-caveat">{condition.caveat}</p>}
        {condition.source && <p className="muted">{condition.source}</p>}
        <footer className="form__actions">
          <button type="button" className="button" onClick={() => void copyCode(accountId, 'expected')} data-testid="copy-expected">
            Copy the code the site expects
          </button>
          <button type="button" className="button button--primary" onClick={onClose}>
            Close
          </button>
        </footer>
      </div>
    </Dialog>
  )
}
