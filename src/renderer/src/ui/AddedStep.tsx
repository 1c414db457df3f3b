import { groupCode, type AccountSummary } from '../contract'
import { useStore } from '../store'
import { Dialog } from './Dialog'

/** After adding: the code to type into Amazon to finish turning on two-step verification. */
export function AddedStep({ account, onClose }: Readonly<{ account: AccountSummary; onClose: () => void }>) {
  const frame = useStore((s) => s.frames[account.id])
  const copyCode = useStore((s) => s.copyCode)
  return (
    <Dialog title="Account added" onClose={onClose} testId="added-dialog">
      <div className="form">
        <p>
          To finish turning on two-step verification, <strong>enter this code on Amazon</strong> (the page that showed you the key), then click{' '}
          <strong>Verify OTP and continue</strong>.
        </p>
        <div className="big-code" data-testid="added-code">
          {frame ? groupCode(frame.code) : '…'}
        </div>
        <footer className="form__actions">
          <button type="button" className="button" onClick={() => void copyCode(account.id)} disabled={!frame}>
            Copy code
          </button>
          <button type="button" className="button button--primary" onClick={onClose}>
            Done
          </button>
        </footer>
      </div>
    </Dialog>
  )
}
