import { useId, useState, type FormEvent } from 'react'
import type { BackupFile, ImportPreview } from '../../contract'
import { useStore } from '../../store'
import { ImportDialog } from '../transfer/ImportDialog'

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

/**
 * "Restore from an automatic backup": pick one of the backups in the folder,
 * see every account it holds (duplicates of accounts already here unticked),
 * and add the chosen ones. The password saved in the keychain is used unless
 * one is typed (a new computer, or a backup made with an older password).
 */
export function BackupRestore() {
  const listBackups = useStore((s) => s.listBackups)
  const previewBackup = useStore((s) => s.previewBackup)
  const [files, setFiles] = useState<BackupFile[] | null>(null)
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [needsPassword, setNeedsPassword] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const ids = { file: useId(), password: useId(), help: useId() }

  async function show() {
    setError(null)
    const reply = await listBackups()
    if (!reply.ok) return setError(reply.error.message)
    setFiles(reply.value.files)
    setName(reply.value.files[0]?.name ?? '')
    if (reply.value.files.length === 0) setError(`There is no automatic backup in ${reply.value.folder} yet.`)
  }

  async function open(event: FormEvent) {
    event.preventDefault()
    setError(null)
    const reply = await previewBackup({ name, ...(password ? { password } : {}) })
    if (!reply.ok) {
      if (reply.error.field === 'password') setNeedsPassword(true)
      return setError(reply.error.message)
    }
    setPassword('')
    setPreview(reply.value)
  }

  return (
    <div className="backup-restore" data-testid="backup-restore">
      <h3 className="backup-restore__title">Restore from an automatic backup</h3>
      {files === null ? (
        <button type="button" className="button" onClick={() => void show()}>
          Show backups…
        </button>
      ) : (
        files.length > 0 && (
          <form className="backup-restore__form" onSubmit={(e) => void open(e)}>
            <label htmlFor={ids.file}>Backup</label>
            <select id={ids.file} className="input" value={name} onChange={(e) => setName(e.target.value)}>
              {files.map((f, i) => (
                <option key={f.name} value={f.name}>
                  {when(f.at)}
                  {i === 0 ? ' (newest)' : ''}
                </option>
              ))}
            </select>
            <label htmlFor={ids.password}>{needsPassword ? 'Password of this backup' : 'Password of this backup (leave empty to use the saved one)'}</label>
            <input id={ids.password} type="password" className="input" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" aria-describedby={ids.help} aria-invalid={needsPassword && error !== null} />
            <button type="submit" className="button" disabled={name === ''}>
              Show what it holds
            </button>
          </form>
        )
      )}
      <p id={ids.help} className={error ? 'field-error' : 'muted'} role={error ? 'alert' : undefined} data-testid="restore-message">
        {error ?? 'Nothing is added until you confirm; accounts SellerGuard already holds are marked.'}
      </p>
      {preview && <ImportDialog preview={preview} onClose={() => setPreview(null)} />}
    </div>
  )
}
