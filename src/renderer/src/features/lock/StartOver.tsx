import { useId, useState, type FormEvent } from 'react'
import { START_OVER_PHRASE, type ApiError } from '../../contract'
import { useStore } from '../../store'

/**
 * The way out of a forgotten password, behind a disclosure and a typed
 * confirmation (main checks the words too): the secrets sealed under the
 * lock are deleted and the lock is off; the account list stays, each
 * account without its secret until restored from an encrypted backup.
 */
export function StartOver() {
  const startOver = useStore((s) => s.startOver)
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()
  const confirmed = typed === START_OVER_PHRASE

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!confirmed || busy) return
    setBusy(true)
    const reply = await startOver(typed)
    setBusy(false)
    setError(reply.ok ? null : reply.error)
  }

  return (
    <details className="start-over" data-testid="start-over">
      <summary>I forgot the password: start over</summary>
      <form className="start-over__form" onSubmit={(e) => void submit(e)}>
        <p>
          Starting over <strong>deletes the secrets of all your accounts</strong> from the keychain and turns the app lock off. Nobody can decrypt them without the
          password, not even SellerGuard.
        </p>
        <p>
          Your account list stays, each account without its codes. <strong>Only an encrypted backup brings them back</strong>: restore it afterwards (Settings, Import and
          backup), with that backup’s own password. Without a backup, you have to set up two-step verification again on each site.
        </p>
        <p className="muted">If you may still remember the password, do not start over: wrong tries never delete anything, they only make you wait.</p>
        <label htmlFor={`${id}-confirm`}>
          Type <kbd>{START_OVER_PHRASE}</kbd> to confirm
        </label>
        <input id={`${id}-confirm`} className="input" autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />
        {error && (
          <p role="alert" className="field-error">
            {error.message}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--danger" disabled={!confirmed || busy}>
            {busy ? 'Deleting…' : 'Delete the secrets and start over'}
          </button>
        </div>
      </form>
    </details>
  )
}
