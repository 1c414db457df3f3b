import type { ReactNode } from 'react'
import { groupCode, type AccountKind, type AccountSummary } from '../contract'
import { useStore } from '../store'
import { Dialog } from './Dialog'

/** Where to type the first code, worded for the account's kind: Amazon's own button for its sites, nothing assumed for others. */
const FINISH_SETUP: Readonly<Record<AccountKind, ReactNode>> = {
  'seller-central': <AmazonStep site="Seller Central" />,
  kdp: <AmazonStep site="KDP" />,
  associates: <AmazonStep site="Associates Central" />,
  other: (
    <>
      To finish turning on two-step verification, <strong>enter this code on the site that showed you the key</strong> and confirm it there.
    </>
  ),
}

function AmazonStep({ site }: Readonly<{ site: string }>) {
  return (
    <>
      To finish turning on two-step verification, <strong>enter this code on Amazon {site}</strong> (the page that showed you the key), then click{' '}
      <strong>Verify OTP and continue</strong>.
    </>
  )
}

/** After adding: the code to type into the site to finish turning on two-step verification. */
export function AddedStep({ account, onClose }: Readonly<{ account: AccountSummary; onClose: () => void }>) {
  const frame = useStore((s) => s.frames[account.id])
  const copyCode = useStore((s) => s.copyCode)
  return (
    <Dialog title="Account added" onClose={onClose} testId="added-dialog">
      <div className="form">
        <p data-testid="added-instructions">{FINISH_SETUP[account.kind]}</p>
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
