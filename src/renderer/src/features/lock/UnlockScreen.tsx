import { useEffect, useId, useState, type FormEvent } from 'react'
import type { ApiError, LockReason } from '../../contract'
import { useStore } from '../../store'
import { useNow } from '../clock/use-now'
import { RecoveryNote } from './RecoveryNote'
import { StartOver } from './StartOver'

const WHY: Record<LockReason, string> = {
  start: 'SellerGuard starts locked while the app lock is on.',
  user: 'You locked SellerGuard.',
  idle: 'SellerGuard locked itself after the computer was idle.',
  'screen-lock': 'SellerGuard locked itself when the screen locked or the computer went to sleep.',
  suspend: 'SellerGuard locked itself when the computer went to sleep.',
  hidden: 'SellerGuard locked itself when its window was hidden.',
}

const waitText = (ms: number) => (ms >= 90_000 ? `${Math.ceil(ms / 60_000)} min` : `${Math.ceil(ms / 1000)} s`)

/**
 * All there is while the app lock is locked: a password field (focused,
 * Enter unlocks), the error of the last try, the wait after too many wrong
 * passwords counting down, quick unlock where the OS offers it, and what to
 * do if the password is forgotten. No account, code or name is shown.
 */
export function UnlockScreen() {
  const lock = useStore((s) => s.lock)
  const unlock = useStore((s) => s.unlock)
  const quickUnlock = useStore((s) => s.quickUnlock)
  const [password, setPassword] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const now = useNow(1000)
  const id = useId()
  useEffect(() => {
    document.title = 'SellerGuard — Locked'
  }, [])
  if (!lock) return null
  const waitMs = lock.retryAt !== null ? lock.retryAt - now : 0
  const waiting = waitMs > 0

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy || waiting || password === '') return
    setBusy(true)
    const reply = await unlock(password)
    setBusy(false)
    if (reply.ok) return
    setError(reply.error)
    setPassword('')
  }

  if (lock.state === 'damaged') {
    return (
      <main className="unlock" aria-labelledby={`${id}-title`}>
        <div className="unlock__card">
          <h1 id={`${id}-title`}>The app lock cannot be read</h1>
          <p role="alert" className="field-error">{lock.problem}</p>
          <RecoveryNote />
          <StartOver />
        </div>
      </main>
    )
  }
  return (
    <main className="unlock" aria-labelledby={`${id}-title`}>
      <div className="unlock__card">
        <form className="unlock__form" onSubmit={(e) => void submit(e)}>
          <h1 id={`${id}-title`}>SellerGuard is locked</h1>
          <p className="muted">{lock.lockedBy ? WHY[lock.lockedBy] : 'Type your SellerGuard password to see your codes.'}</p>
          <label htmlFor={`${id}-password`}>SellerGuard password</label>
          <input
            id={`${id}-password`}
            className="input"
            type="password"
            autoComplete="current-password"
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error?.kind === 'wrong-password'}
            aria-describedby={`${id}-status`}
            data-testid="unlock-password"
          />
          <p id={`${id}-status`} role="status" className={error || waiting ? 'field-error' : 'muted'} data-testid="unlock-status">
            {waiting
              ? `Too many wrong passwords. Try again in ${waitText(waitMs)}.`
              : error
                ? error.message
                : lock.failures > 0
                  ? `${lock.failures} wrong ${lock.failures === 1 ? 'try' : 'tries'} so far.`
                  : ''}
          </p>
          <div className="form__actions">
            {lock.quickUnlock.enabled && lock.quickUnlock.available && (
              <button type="button" className="button" onClick={() => void quickUnlock().then((r) => setError(r.ok ? null : r.error))}>
                Unlock with Touch ID
              </button>
            )}
            <button type="submit" className="button button--primary" disabled={busy || waiting || password === ''}>
              {busy ? 'Unlocking…' : 'Unlock'}
            </button>
          </div>
          <RecoveryNote />
        </form>
        <StartOver />
      </div>
    </main>
  )
}
