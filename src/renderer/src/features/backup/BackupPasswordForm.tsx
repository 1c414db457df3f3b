import { useId, useState, type FormEvent } from 'react'
import { MIN_EXPORT_PASSWORD_LENGTH } from '../../contract'
import { useStore } from '../../store'

/** The automatic backups' own password: sent once to main, kept in the OS keychain, never shown again. */
export function BackupPasswordForm({ passwordSet }: Readonly<{ passwordSet: boolean }>) {
  const configure = useStore((s) => s.configureBackup)
  const showToast = useStore((s) => s.showToast)
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const [error, setError] = useState<string | null>(null)
  const ids = { password: useId(), repeat: useId(), help: useId() }

  async function save(event: FormEvent) {
    event.preventDefault()
    setError(null)
    if (password.length < MIN_EXPORT_PASSWORD_LENGTH) return setError(`Use a password of at least ${MIN_EXPORT_PASSWORD_LENGTH} characters. You will need it to restore a backup.`)
    if (password !== repeat) return setError('The two passwords differ.')
    const reply = await configure({ password })
    if (!reply.ok) return setError(reply.error.message)
    setPassword('')
    setRepeat('')
    showToast(passwordSet ? 'Backup password changed. New backups use it; older ones keep the password they were made with.' : 'Backup password saved in the keychain. The first backup is on its way.')
  }

  return (
    <form className="backup-password" onSubmit={(e) => void save(e)} data-testid="backup-password-form">
      <div className="form__row">
        <div className="form__field">
          <label htmlFor={ids.password}>{passwordSet ? 'New password for automatic backups' : 'Password for automatic backups'}</label>
          <input id={ids.password} type="password" className="input" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" aria-describedby={ids.help} aria-invalid={error !== null} />
        </div>
        <div className="form__field">
          <label htmlFor={ids.repeat}>Repeat it</label>
          <input id={ids.repeat} type="password" className="input" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" aria-invalid={error !== null} />
        </div>
      </div>
      <p id={ids.help} className={error ? 'field-error' : 'muted'} role={error ? 'alert' : undefined}>
        {error ??
          `${passwordSet ? 'A password is set (kept in your keychain, never in a file).' : 'Kept in your keychain, never in a file.'} Write it down somewhere other than this computer: without it no backup can be restored.`}
      </p>
      <button type="submit" className="button button--primary" disabled={password === ''}>
        {passwordSet ? 'Change password' : 'Set password and start backups'}
      </button>
    </form>
  )
}
