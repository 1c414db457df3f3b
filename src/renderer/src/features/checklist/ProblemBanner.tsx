import { useState } from 'react'
import type { ChecklistView } from '../../contract'

type Problem = NonNullable<ChecklistView['problem']>

/**
 * A checklist file SellerGuard cannot use: what happened, what each way
 * out costs, and the ways out the storage policy allows. It goes away with
 * the recovery's fresh view.
 */
export function ProblemBanner({ problem, onRecover }: Readonly<{ problem: Problem; onRecover: (use: 'backup' | 'fresh') => Promise<unknown> }>) {
  const [busy, setBusy] = useState(false)
  const recover = async (use: 'backup' | 'fresh') => {
    setBusy(true)
    try {
      await onRecover(use)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div role="alert" className="banner banner--critical checklist-problem" data-testid="checklist-problem">
      <p>{problem.message}</p>
      {problem.backupLoses && <p>{problem.backupLoses}</p>}
      {problem.canStartFresh && <p>{problem.fresh}</p>}
      <div className="toolbar">
        {problem.backupUsable && (
          <button type="button" className="button" disabled={busy} onClick={() => void recover('backup')}>
            Use previous version
          </button>
        )}
        {problem.canStartFresh && (
          <button type="button" className="button" disabled={busy} onClick={() => void recover('fresh')}>
            Start fresh (the damaged file is kept)
          </button>
        )}
      </div>
    </div>
  )
}
