import { useId, useState, type FormEvent } from 'react'
import type { FileData, ImportPreview } from '../../contract'
import { useStore } from '../../store'
import { downloadText, readFileBytes, readFileData } from '../../ui/files'
import { ImportDialog } from './ImportDialog'

/** Moving accounts in from other apps, encrypted backups, and an Aegis export so users can always leave. */
export function TransferPanel() {
  const [file, setFile] = useState<FileData | null>(null)
  const [importPassword, setImportPassword] = useState('')
  const [keyFile, setKeyFile] = useState<FileData | null>(null)
  const [needsPassword, setNeedsPassword] = useState(false)
  const [importError, setImportError] = useState<string | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [backupPassword, setBackupPassword] = useState('')
  const [backupRepeat, setBackupRepeat] = useState('')
  const [aegisPlain, setAegisPlain] = useState(false)
  const [exportError, setExportError] = useState<string | null>(null)
  const showToast = useStore((s) => s.showToast)
  const previewImport = useStore((s) => s.previewImport)
  const saveBackup = useStore((s) => s.exportBackup)
  const saveAegis = useStore((s) => s.exportAegis)
  const ids = { file: useId(), importPassword: useId(), keyFile: useId(), backup: useId(), repeat: useId() }

  async function read(next: FileData, password: string, key: FileData | null = null) {
    setImportError(null)
    const reply = await previewImport({ file: next, ...(password ? { password } : {}), ...(key ? { keyFile: key } : {}) })
    if (reply.ok) {
      setPreview(reply.value)
      setNeedsPassword(false)
      setImportPassword('')
      setKeyFile(null)
      return
    }
    if (reply.error.field === 'password') setNeedsPassword(true)
    setImportError(reply.error.message)
  }

  async function exportBackup(event: FormEvent) {
    event.preventDefault()
    setExportError(null)
    if (backupPassword.length < 8) return setExportError('Use a password of at least 8 characters. You will need it to restore the backup.')
    if (backupPassword !== backupRepeat) return setExportError('The two passwords differ.')
    const reply = await saveBackup({ password: backupPassword })
    if (!reply.ok) return setExportError(reply.error.message)
    downloadText(reply.value.fileName, reply.value.mimeType, reply.value.content)
    setBackupPassword('')
    setBackupRepeat('')
    showToast('Encrypted backup saved. Keep it somewhere other than this computer.')
  }

  async function exportAegis() {
    setExportError(null)
    if (!aegisPlain && backupPassword.length < 8) return setExportError('Type a password (8+ characters) above to encrypt the Aegis export, or choose an unencrypted export.')
    const reply = await saveAegis(aegisPlain ? { plain: true } : { password: backupPassword })
    if (!reply.ok) return setExportError(reply.error.message)
    downloadText(reply.value.fileName, reply.value.mimeType, reply.value.content)
  }

  return (
    <>
      <fieldset className="field" data-testid="import-panel">
        <legend>Move accounts in</legend>
        <p className="muted">From Aegis, 2FAS, Google Authenticator (export QR codes or their links), Bitwarden, Proton Authenticator, Ente Auth, a list of otpauth:// links, or a SellerGuard backup. You see every account before anything is added.</p>
        <label htmlFor={ids.file}>Export file</label>
        <input
          id={ids.file}
          type="file"
          className="input"
          onChange={(e) => {
            const picked = e.target.files?.[0]
            if (!picked) return
            void readFileData(picked).then((data) => {
              setFile(data)
              void read(data, '')
            })
          }}
        />
        {needsPassword && file && (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault()
              void read(file, importPassword, keyFile)
            }}
          >
            <label htmlFor={ids.importPassword}>Password of this export</label>
            <input id={ids.importPassword} type="password" className="input" value={importPassword} onChange={(e) => setImportPassword(e.target.value)} autoComplete="off" />
            <label htmlFor={ids.keyFile}>Key file (KeePass databases that have one)</label>
            <input
              id={ids.keyFile}
              type="file"
              className="input"
              data-testid="import-key-file"
              onChange={(e) => {
                const picked = e.target.files?.[0]
                if (picked) void readFileBytes(picked).then(setKeyFile)
                else setKeyFile(null)
              }}
            />
            <button type="submit" className="button">
              Open
            </button>
          </form>
        )}
        {importError && (
          <p className="field-error" role="alert" data-testid="import-error">
            {importError}
          </p>
        )}
      </fieldset>
      <form className="field" onSubmit={(e) => void exportBackup(e)} data-testid="backup-panel">
        <fieldset className="field field--plain">
          <legend>Encrypted backup</legend>
          <p className="muted">Every account with its secret, encrypted with your password (scrypt and AES-256-GCM). Without the password nobody can read it — including you.</p>
          <label htmlFor={ids.backup}>Backup password</label>
          <input id={ids.backup} type="password" className="input" value={backupPassword} onChange={(e) => setBackupPassword(e.target.value)} autoComplete="new-password" />
          <label htmlFor={ids.repeat}>Repeat the password</label>
          <input id={ids.repeat} type="password" className="input" value={backupRepeat} onChange={(e) => setBackupRepeat(e.target.value)} autoComplete="new-password" />
          <button type="submit" className="button button--primary">
            Save encrypted backup
          </button>
        </fieldset>
        <fieldset className="field field--plain">
          <legend>Export for Aegis</legend>
          <label className="radio">
            <input type="checkbox" checked={aegisPlain} onChange={(e) => setAegisPlain(e.target.checked)} />
            Unencrypted (anyone who gets the file can make your codes)
          </label>
          <button type="button" className="button" onClick={() => void exportAegis()}>
            Export Aegis vault
          </button>
        </fieldset>
        {exportError && (
          <p className="field-error" role="alert" data-testid="export-error">
            {exportError}
          </p>
        )}
      </form>
      {preview && <ImportDialog preview={preview} onClose={() => setPreview(null)} />}
    </>
  )
}
