import { useId, useState, type ReactNode } from 'react'
import { groupCode, shortName, type AccountKind, type AccountSummary } from '../contract'
import { useStore } from '../store'
import { Countdown } from './Countdown'
import { Dialog } from './Dialog'

/** Where to type the first code, worded for the account's kind: Amazon's own button for its sites, nothing assumed for others. */
const FINISH_SETUP: Readonly<Record<AccountKind, ReactNode>> = {
  'seller-central': <AmazonStep site="Seller Central" />,
  kdp: <AmazonStep site="KDP" />,
  associates: <AmazonStep site="Associates Central" />,
  'amazon-buyer': <AmazonStep site="" />,
  aws: (
    <>
      To finish assigning this MFA device, <strong>enter this code on the AWS page that showed you the key</strong>; when AWS asks for two codes, wait for
      the next one and enter it as the second.
    </>
  ),
  other: (
    <>
      To finish turning on two-step verification, <strong>enter this code on the site that showed you the key</strong> and confirm it there.
    </>
  ),
}

function AmazonStep({ site }: Readonly<{ site: string }>) {
  return (
    <>
      To finish turning on two-step verification, <strong>enter this code on Amazon{site ? ` ${site}` : ''}</strong> (the page that showed you the key), then click{' '}
      <strong>Verify OTP and continue</strong>.
    </>
  )
}

/** Kinds whose sign-in is an Amazon account, where Amazon's two-step verification rules apply (AWS has its own MFA rules). */
const AMAZON_KINDS: ReadonlySet<AccountKind> = new Set(['seller-central', 'kdp', 'associates', 'amazon-buyer'])

type Answer = 'open' | 'accepted' | 'rejected'

/**
 * After adding: the live code (with its countdown) to type into the site
 * to finish turning on two-step verification, then "Did the site accept
 * the code?". Yes records a "verified working" date on the account (main's
 * clock), which the checklist can take as evidence; no explains what to
 * try. For Amazon accounts, what Amazon's help says about the backup
 * method: it must be a different one, such as a phone number.
 */
export function AddedStep({ account, onClose }: Readonly<{ account: AccountSummary; onClose: () => void }>) {
  const frame = useStore((s) => s.frames[account.id])
  const correctionMs = useStore((s) => s.correctionMs)
  const copyCode = useStore((s) => s.copyCode)
  const confirmWorking = useStore((s) => s.confirmWorking)
  const [answer, setAnswer] = useState<Answer>('open')
  const [verifiedAt, setVerifiedAt] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const amazon = AMAZON_KINDS.has(account.kind)
  const helpId = useId()

  async function accepted() {
    setError(null)
    const reply = await confirmWorking(account.id)
    if (!reply.ok) return setError(reply.error.message)
    setVerifiedAt(reply.value.verifiedAt)
    setAnswer('accepted')
  }

  return (
    <Dialog title="Account added" onClose={onClose} testId="added-dialog">
      <div className="form">
        <p data-testid="added-instructions">{FINISH_SETUP[account.kind]}</p>
        <p className="muted added__name">
          <bdi>{shortName(account)}</bdi>
        </p>
        <div className="added__code">
          <div className="big-code" data-testid="added-code">
            {frame ? groupCode(frame.code) : '…'}
          </div>
          {frame && account.type !== 'hotp' && <Countdown periodStart={frame.periodStart} period={frame.period} correctionMs={correctionMs} />}
        </div>
        {amazon && (
          <p className="added__note" data-testid="backup-method-note">
            Amazon requires a backup method for two-step verification, and it <strong>must be a different method</strong> from this authenticator app, such
            as a phone number for text messages or voice calls. If Amazon did not ask for one, add it under Two-Step Verification (2SV) Settings.
          </p>
        )}
        <fieldset className="added__check" aria-describedby={helpId}>
          <legend>Did the site accept the code?</legend>
          <p id={helpId} className="muted">
            SellerGuard cannot see the site: your answer is what tells it that this key works.
          </p>
          {answer === 'accepted' && verifiedAt !== null ? (
            <p className="field-ok" role="status" data-testid="verified">
              Recorded: verified working on {new Date(verifiedAt).toLocaleDateString()}. The checklist counts this as your authenticator being set up.
            </p>
          ) : (
            <div className="form__actions form__actions--start">
              <button type="button" className="button" onClick={() => void accepted()} disabled={!frame} data-testid="accepted">
                Yes, it was accepted
              </button>
              <button type="button" className="button" onClick={() => setAnswer('rejected')} data-testid="rejected">
                No, it was rejected
              </button>
            </div>
          )}
          {answer === 'rejected' && (
            <p className="field-error" role="status" data-testid="rejected-help">
              Wait for the next code (the ring empties, then a new one appears) and enter that one. Make sure you pasted the key of this sign-in; if codes are
              still rejected, check the clock banner, and use “Code rejected?” in the account’s menu.
            </p>
          )}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </fieldset>
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
