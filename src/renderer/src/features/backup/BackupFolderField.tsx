import { useId, useState } from 'react'
import type { BackupStatus } from '../../contract'
import { useStore } from '../../store'

/** Where backups go: the default (Documents/SellerGuard Backups), or a folder the user picks (the system's picker, or typed in web mode). */
export function BackupFolderField({ status }: Readonly<{ status: BackupStatus }>) {
  const configure = useStore((s) => s.configureBackup)
  const choose = useStore((s) => s.chooseBackupFolder)
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const ids = { folder: useId(), help: useId() }

  async function use(folder: string | null) {
    setError(null)
    const reply = await configure({ folder })
    if (!reply.ok) setError(reply.error.message)
    else setTyped('')
  }

  return (
    <div className="backup-folder">
      <p>
        Folder: <code data-testid="backup-folder">{status.folder}</code>
        {status.folderIsDefault ? ' (the default)' : ''}
      </p>
      <div className="inline-form">
        {status.canChooseFolder ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              void choose().then((folder) => {
                if (folder) void use(folder)
              })
            }
          >
            Choose folder…
          </button>
        ) : (
          <div className="form__field backup-folder__typed">
            <label htmlFor={ids.folder}>Another folder (full path)</label>
            <div className="inline-form">
              <input id={ids.folder} className="input input--mono" value={typed} onChange={(e) => setTyped(e.target.value)} aria-describedby={ids.help} aria-invalid={error !== null} spellCheck={false} />
              <button type="button" className="button" disabled={typed.trim() === ''} onClick={() => void use(typed.trim())}>
                Use this folder
              </button>
            </div>
          </div>
        )}
        {!status.folderIsDefault && (
          <button type="button" className="button button--ghost" onClick={() => void use(null)}>
            Use the default folder
          </button>
        )}
      </div>
      <p id={ids.help} className={error ? 'field-error' : 'muted'} role={error ? 'alert' : undefined}>
        {error ?? 'A synced folder (Dropbox, OneDrive, iCloud Drive…) keeps a copy off this computer. The backups are encrypted; the password never goes with them.'}
      </p>
    </div>
  )
}
