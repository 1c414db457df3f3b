import { useId, useState, type FormEvent } from 'react'
import type { ApiError, LockStatus } from '../../contract'
import { useStore } from '../../store'

const PASSWORD_ONLY =
  'Unlocking takes the password on this computer: Touch ID works only on a Mac, and Windows Hello has no maintained library SellerGuard could use.'

/**
 * Settings → App lock → Touch ID: on with the password (main seals a copy
 * of the vault key with the OS), off at once; said what it protects and
 * what it does not. Elsewhere, that the password is the only unlock.
 */
export function QuickUnlockSettings({ quick }: Readonly<{ quick: LockStatus['quickUnlock'] }>) {
  const setQuickUnlock = useStore((s) => s.setQuickUnlock)
  const [asking, setAsking] = useState(false)
  const [password, setPassword] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()
  if (quick.kind === null) return <p className="muted">{PASSWORD_ONLY}</p>

  async function change(enabled: boolean, typed?: string) {
    setBusy(true)
    const reply = await setQuickUnlock(enabled, typed)
    setBusy(false)
    setError(reply.ok ? null : reply.error)
    if (reply.ok) {
      setAsking(false)
      setPassword('')
    }
  }
  function submit(event: FormEvent) {
    event.preventDefault()
    if (password !== '' && !busy) void change(true, password)
  }
  /** On asks for the password first; off needs none. */
  function toggle(checked: boolean) {
    if (checked) setAsking(true)
    else if (quick.enabled) void change(false)
    else setAsking(false)
  }

  return (
    <div className="quick-unlock" data-testid="quick-unlock">
      <label className="radio">
        <input
          type="checkbox"
          checked={quick.enabled || asking}
          disabled={busy || (!quick.available && !quick.enabled)}
          onChange={(e) => toggle(e.target.checked)}
        />
        Unlock with Touch ID
      </label>
      <p className="muted">
        {quick.available || quick.enabled
          ? 'Touch ID keeps a copy of the key to your secrets in your macOS login keychain: anyone who knows your Mac password (or malware running as you) can open SellerGuard without your SellerGuard password. Leave it off against that.'
          : 'Touch ID is not set up on this Mac (System Settings, Touch ID & Password): the password is the only unlock for now.'}
      </p>
      {asking && !quick.enabled && (
        <form className="inline-form" onSubmit={submit} aria-label="Turn on Touch ID">
          <label htmlFor={`${id}-password`}>SellerGuard password</label>
          <input id={`${id}-password`} className="input input--inline" type="password" autoComplete="current-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
          <button type="submit" className="button button--primary" disabled={password === '' || busy}>
            {busy ? 'Working…' : 'Turn on Touch ID'}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error.message}
        </p>
      )}
    </div>
  )
}
