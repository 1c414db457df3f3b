import { useState } from 'react'
import { useStore } from '../../store'

/** Says what is wrong with the keychain, how to fix it on this OS, and offers Retry (a damaged account list: `StorageBanner`). */
export function KeychainBanner() {
  const status = useStore((s) => s.keychain)
  const retry = useStore((s) => s.retryKeychain)
  if (!status) return null
  if (status.state === 'locked' || status.state === 'unavailable' || status.state === 'not-answering') {
    const title = { locked: 'is locked.', unavailable: 'is not available.', 'not-answering': 'is not answering.' }[status.state]
    return (
      <div role="alert" className="banner banner--critical" data-testid="keychain-banner" data-state={status.state}>
        <div>
          <strong>{`The ${status.keychainName} ${title}`}</strong>{' '}
          Codes cannot be shown until SellerGuard can read its secrets. {status.help}
          {status.reason && <div className="banner__detail">The system said: {status.reason}</div>}
        </div>
        <button type="button" className="button button--primary" onClick={() => void retry()}>
          Retry
        </button>
      </div>
    )
  }
  const problems = status.missingSecrets.length + status.orphanSecrets.length
  if (status.state === 'ready' && problems > 0) {
    return (
      <div role="status" className="banner banner--warn" data-testid="consistency-banner">
        <div>
          {status.missingSecrets.length > 0 && (
            <p>
              {status.missingSecrets.length} account{status.missingSecrets.length === 1 ? ' has' : 's have'} no secret in the {status.keychainName}:{' '}
              {status.missingSecrets.map((a) => a.issuer || a.label).join(', ')}. Their codes cannot be shown; restore them from a backup or add them
              again.
            </p>
          )}
          {status.orphanSecrets.length > 0 && <OrphanSecrets count={status.orphanSecrets.length} keychainName={status.keychainName} />}
        </div>
      </div>
    )
  }
  return null
}

/** Keychain items without an account: kept, and the user's two ways out (delete only after a second, explicit click). */
function OrphanSecrets({ count, keychainName }: Readonly<{ count: number; keychainName: string }>) {
  const adopt = useStore((s) => s.adoptOrphans)
  const discard = useStore((s) => s.deleteOrphans)
  const [confirming, setConfirming] = useState(false)
  const them = count === 1 ? 'it' : 'them'
  return (
    <div data-testid="orphan-secrets">
      <p>
        {count} secret{count === 1 ? ' is' : 's are'} in the {keychainName} without an account (perhaps from an interrupted delete or import, or a lost
        account list). They were kept. Added as accounts, their codes work again (as usual 6-digit, 30-second codes); rename {them} afterwards.
      </p>
      <div className="banner__actions">
        <button type="button" className="button button--primary" onClick={() => void adopt()}>
          Add {them} as accounts
        </button>
        {confirming ? (
          <>
            <button type="button" className="button button--danger" onClick={() => void discard().then(() => setConfirming(false))}>
              Delete {count === 1 ? 'this secret' : `these ${count} secrets`} for good
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep {them}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Delete {them}…
          </button>
        )}
      </div>
    </div>
  )
}
