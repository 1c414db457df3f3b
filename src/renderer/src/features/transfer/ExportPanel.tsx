import { useId, useState, type FormEvent } from 'react'
import { MIN_EXPORT_PASSWORD_LENGTH, type ApiError, type ExportedFile, type Result } from '../../contract'
import { useStore } from '../../store'
import { downloadText } from '../../ui/files'

type Format = 'aegis' | '2fas' | 'otpauth'

const FORMATS: Readonly<Record<Format, Readonly<{ label: string; hint: string; plainOnly: boolean }>>> = {
  aegis: { label: 'Aegis vault (.json)', hint: 'Aegis imports it as “Aegis (.json)”; 2FAS, Proton and Ente read it too.', plainOnly: false },
  '2fas': { label: '2FAS backup (.2fas)', hint: '2FAS Authenticator on Android and iOS imports it, with the same password.', plainOnly: false },
  otpauth: { label: 'List of otpauth:// links (.txt)', hint: 'One link per account: nearly every authenticator and password manager reads these.', plainOnly: true },
}

/**
 * Moving out: an encrypted SellerGuard backup, or a file for another app
 * (Aegis, 2FAS, a plain list of links). An unencrypted file needs the
 * user to say, after a plain warning, that they understand.
 */
export function ExportPanel() {
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const [format, setFormat] = useState<Format>('aegis')
  const [plain, setPlain] = useState(false)
  const [understood, setUnderstood] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const showToast = useStore((s) => s.showToast)
  const saveBackup = useStore((s) => s.exportBackup)
  const saveAegis = useStore((s) => s.exportAegis)
  const save2fas = useStore((s) => s.exportTwofas)
  const saveList = useStore((s) => s.exportOtpauthList)
  const ids = { password: useId(), repeat: useId(), warning: useId() }
  const unencrypted = FORMATS[format].plainOnly || plain

  const passwordProblem = () =>
    password.length < MIN_EXPORT_PASSWORD_LENGTH ? `Use a password of at least ${MIN_EXPORT_PASSWORD_LENGTH} characters. You will need it to open the file.` : password !== repeat ? 'The two passwords differ.' : null

  const deliver = (reply: Result<ExportedFile, ApiError>): boolean => {
    if (!reply.ok) {
      setError(reply.error.message)
      return false
    }
    downloadText(reply.value.fileName, reply.value.mimeType, reply.value.content)
    return true
  }

  async function exportBackup(event: FormEvent) {
    event.preventDefault()
    setError(null)
    const problem = passwordProblem()
    if (problem) return setError(problem)
    if (deliver(await saveBackup({ password }))) {
      setPassword('')
      setRepeat('')
      showToast('Encrypted backup saved. Keep it somewhere other than this computer.')
    }
  }

  async function exportOther() {
    setError(null)
    if (!unencrypted) {
      const problem = passwordProblem()
      if (problem) return setError(`${problem} (The password above encrypts this file too.)`)
    }
    const reply = format === 'otpauth' ? await saveList() : format === '2fas' ? await save2fas(unencrypted ? { plain: true } : { password }) : await saveAegis(unencrypted ? { plain: true } : { password })
    if (deliver(reply) && unencrypted) showToast('Unencrypted file saved. Import it where you need it, then delete it.')
  }

  return (
    <form className="field" onSubmit={(e) => void exportBackup(e)} data-testid="backup-panel">
      <fieldset className="field field--plain">
        <legend>Encrypted backup</legend>
        <p className="muted">Every account with its secret, and the checklist, encrypted with your password (scrypt and AES-256-GCM). Without the password nobody can read it — including you.</p>
        <label htmlFor={ids.password}>Backup password</label>
        <input id={ids.password} type="password" className="input" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
        <label htmlFor={ids.repeat}>Repeat the password</label>
        <input id={ids.repeat} type="password" className="input" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" />
        <button type="submit" className="button button--primary">
          Save encrypted backup
        </button>
      </fieldset>
      <fieldset className="field field--plain" data-testid="export-panel">
        <legend>Export for another app</legend>
        {(Object.keys(FORMATS) as Format[]).map((f) => (
          <label key={f} className="radio">
            <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => (setFormat(f), setUnderstood(false))} />
            <span>
              {FORMATS[f].label}
              <span className="export-hint muted">{FORMATS[f].hint}</span>
            </span>
          </label>
        ))}
        {!FORMATS[format].plainOnly && (
          <label className="radio">
            <input type="checkbox" checked={plain} onChange={(e) => (setPlain(e.target.checked), setUnderstood(false))} />
            Unencrypted (otherwise encrypted with the password above)
          </label>
        )}
        {unencrypted && (
          <div className="banner banner--critical plain-warning" id={ids.warning} data-testid="plain-warning">
            <div>
              <strong>This file is not encrypted.</strong> Every secret key is in it as plain text: anyone or anything that reads it — another program, a sync service, a lost USB stick — can make your sign-in codes. Import it
              straight away, then delete it and empty the trash.
              <label className="radio">
                <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} data-testid="plain-confirm" />I understand: export my keys unencrypted
              </label>
            </div>
          </div>
        )}
        <button type="button" className="button export-button" disabled={unencrypted && !understood} aria-describedby={unencrypted ? ids.warning : undefined} onClick={() => void exportOther()} data-testid="export-other">
          {unencrypted ? 'Export unencrypted file' : 'Export encrypted file'}
        </button>
      </fieldset>
      {error && (
        <p className="field-error" role="alert" data-testid="export-error">
          {error}
        </p>
      )}
    </form>
  )
}
