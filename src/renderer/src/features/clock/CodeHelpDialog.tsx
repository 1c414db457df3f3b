import { useEffect, useState } from 'react'
import { groupCode, type CodesAround } from '../../contract'
import { useStore } from '../../store'
import { Dialog } from '../../ui/Dialog'
import { explainRejection } from './explain'

/** "Code rejected?": the previous, current and next codes, and what the clock means for them. */
export function CodeHelpDialog({ id, onClose }: Readonly<{ id: string; onClose: () => void }>) {
  const account = useStore((s) => s.accounts.find((a) => a.id === id))
  const clock = useStore((s) => s.clock)
  const frame = useStore((s) => s.frames[id])
  const copyCode = useStore((s) => s.copyCode)
  const codesAround = useStore((s) => s.codesAround)
  const [around, setAround] = useState<(CodesAround & { at: number }) | null>(null)

  // Refetched whenever main pushes a new frame for this account (a new period).
  useEffect(() => {
    let live = true
    void codesAround(id).then((reply) => live && reply.ok && setAround({ ...reply.value, at: Date.now() }))
    return () => {
      live = false
    }
  }, [id, frame, codesAround])

  if (!account) return null
  return (
    <Dialog title={`Code rejected? ${account.issuer || account.label}`} onClose={onClose} testId="code-help">
      <div className="form">
        {around ? (
          <>
            <div className="around">
              {(['previous', 'current', 'next'] as const).map((which) => (
                <div key={which} className={`around__code around__code--${which}`}>
                  <span className="muted">{which === 'current' ? `Current${around.secondsLeft ? ` (${around.secondsLeft} s left)` : ''}` : which === 'previous' ? 'Previous' : 'Next'}</span>
                  <strong data-testid={`around-${which}`}>{around[which] ? groupCode(around[which]) : '—'}</strong>
                </div>
              ))}
            </div>
            <p data-testid="rejection-explanation">{explainRejection(clock, around.at, around.period)}</p>
          </>
        ) : (
          <p>Loading…</p>
        )}
        <footer className="form__actions">
          <button type="button" className="button" onClick={() => void copyCode(id)}>
            Copy current code
          </button>
          <button type="button" className="button button--primary" onClick={onClose}>
            Close
          </button>
        </footer>
      </div>
    </Dialog>
  )
}
