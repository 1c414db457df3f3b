import { useId, useState, type FormEvent } from 'react'
import { MIN_APP_PASSWORD_LENGTH, type ApiError, type Reply, type Settings, type SettingsPatch } from '../../contract'
import { useStore } from '../../store'
import { QuickUnlockSettings } from './QuickUnlockSettings'
import { RecoveryNote } from './RecoveryNote'

const IDLE_CHOICES = [1, 2, 5, 10, 15, 30, 60, 0] as const

type Props = Readonly<{ settings: Settings; update: (patch: SettingsPatch) => Promise<unknown> }>

/** Settings → App lock: turn it on (with what a forgotten password means), lock now, auto-lock, change or turn off. */
export function LockSettings({ settings, update }: Props) {
  const lock = useStore((s) => s.lock)
  const lockNow = useStore((s) => s.lockNow)
  const ids = { idle: useId() }
  if (!lock) return null
  const on = lock.state === 'unlocked'
  return (
    <fieldset className="field" data-testid="lock-settings">
      <legend>App lock</legend>
      {lock.change && (
        <p role="status">
          Re-encrypting the keychain items: {lock.change.done} of {lock.change.total}…
        </p>
      )}
      {lock.problem && <p className="field-error">{lock.problem}</p>}
      {on ? (
        <>
          <p className="ok-text">On: your secrets in the keychain are encrypted with your SellerGuard password.</p>
          <div className="inline-form">
            <button type="button" className="button" onClick={() => void lockNow()}>
              Lock now
            </button>
          </div>
          <label htmlFor={ids.idle}>Lock after the computer is idle for</label>
          <select id={ids.idle} className="input input--inline" value={settings.autoLockIdleMinutes} onChange={(e) => void update({ autoLockIdleMinutes: Number(e.target.value) })}>
            {IDLE_CHOICES.map((m) => (
              <option key={m} value={m}>
                {m === 0 ? 'never' : m < 60 ? `${m} minute${m === 1 ? '' : 's'}` : '1 hour'}
              </option>
            ))}
          </select>
          <label className="radio">
            <input type="checkbox" checked={settings.autoLockOnScreenLock} onChange={(e) => void update({ autoLockOnScreenLock: e.target.checked })} />
            Lock when the screen locks or the computer sleeps
          </label>
          <label className="radio">
            <input type="checkbox" checked={settings.autoLockWhenHidden} onChange={(e) => void update({ autoLockWhenHidden: e.target.checked })} />
            Lock when the window is hidden or minimised
          </label>
          <QuickUnlockSettings quick={lock.quickUnlock} />
          <PasswordForm kind="change" />
          <PasswordForm kind="disable" />
        </>
      ) : (
        <>
          <p className="muted">
            Off: anyone at this computer while you are logged in can open SellerGuard and copy codes. With a password, SellerGuard locks, and the secrets in the keychain are
            encrypted so that reading the keychain directly gives nothing usable.
          </p>
          <RecoveryNote />
          <p className="muted">Make an encrypted backup first (Import and backup, below): it is the only way back if you forget the password.</p>
          <PasswordForm kind="enable" />
        </>
      )}
    </fieldset>
  )
}

const FORMS = {
  enable: { legend: 'Turn on the app lock', button: 'Turn on', current: false, next: true },
  change: { legend: 'Change the password', button: 'Change password', current: true, next: true },
  disable: { legend: 'Turn off the app lock', button: 'Turn off', current: true, next: false },
} as const

function PasswordForm({ kind }: Readonly<{ kind: keyof typeof FORMS }>) {
  const form = FORMS[kind]
  const enableLock = useStore((s) => s.enableLock)
  const disableLock = useStore((s) => s.disableLock)
  const changeLockPassword = useStore((s) => s.changeLockPassword)
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()
  const tooShort = form.next && next.length > 0 && next.length < MIN_APP_PASSWORD_LENGTH
  const mismatch = form.next && again.length > 0 && again !== next
  const ready = (!form.current || current !== '') && (!form.next || (next.length >= MIN_APP_PASSWORD_LENGTH && again === next))

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!ready || busy) return
    setBusy(true)
    const reply: Reply<'lock.status'> = kind === 'enable' ? await enableLock(next) : kind === 'disable' ? await disableLock(current) : await changeLockPassword(current, next)
    setBusy(false)
    setError(reply.ok ? null : reply.error)
    if (reply.ok) {
      setCurrent('')
      setNext('')
      setAgain('')
    }
  }
  return (
    <form className="lock-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-legend`} data-testid={`lock-${kind}`}>
      <h3 id={`${id}-legend`} className="lock-form__title">
        {form.legend}
      </h3>
      {form.current && (
        <div className="form__field">
          <label htmlFor={`${id}-current`}>{kind === 'change' ? 'Current password' : 'Password'}</label>
          <input id={`${id}-current`} className="input" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </div>
      )}
      {form.next && (
        <>
          <div className="form__field">
            <label htmlFor={`${id}-next`}>{kind === 'change' ? 'New password' : 'Password'}</label>
            <input id={`${id}-next`} className="input" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} aria-invalid={tooShort} aria-describedby={`${id}-rule`} />
            <span id={`${id}-rule`} className={tooShort ? 'field-error' : 'muted'}>
              At least {MIN_APP_PASSWORD_LENGTH} characters; a few unrelated words are strong and easy to type.
            </span>
          </div>
          <div className="form__field">
            <label htmlFor={`${id}-again`}>Type it again</label>
            <input id={`${id}-again`} className="input" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} aria-invalid={mismatch} />
            {mismatch && <span className="field-error">The two passwords differ.</span>}
          </div>
        </>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error.message}
        </p>
      )}
      <div className="inline-form">
        <button type="submit" className={kind === 'disable' ? 'button button--danger' : 'button button--primary'} disabled={!ready || busy}>
          {busy ? 'Working…' : form.button}
        </button>
      </div>
    </form>
  )
}
