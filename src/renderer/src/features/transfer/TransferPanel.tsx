import { useId, useState } from 'react'
import type { FileData, ImportPreview } from '../../contract'
import { useStore } from '../../store'
import { readFileBytes, readFileData } from '../../ui/files'
import { ExportPanel } from './ExportPanel'
import { ImportDialog } from './ImportDialog'

/** Moving accounts in from other apps; encrypted backups and exports (ExportPanel), so users can always leave. */
export function TransferPanel() {
  const [file, setFile] = useState<FileData | null>(null)
  const [importPassword, setImportPassword] = useState('')
  const [keyFile, setKeyFile] = useState<FileData | null>(null)
  const [needsPassword, setNeedsPassword] = useState(false)
  const [importError, setImportError] = useState<string | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const previewImport = useStore((s) => s.previewImport)
  const ids = { file: useId(), importPassword: useId(), keyFile: useId() }

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
              if (!data.ok) return setImportError(data.error.message)
              setFile(data.value)
              void read(data.value, '')
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
                if (picked) void readFileBytes(picked).then((data) => (data.ok ? setKeyFile(data.value) : setImportError(data.error.message)))
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
      <ExportPanel />
      {preview && <ImportDialog preview={preview} onClose={() => setPreview(null)} />}
    </>
  )
}
