import { useEffect, useId, useState } from 'react'
import { IMPORT_SOURCE_NAMES, type FileData } from '../../contract'
import { useStore } from '../../store'
import { readFileBytes } from '../../ui/files'
import type { ImportFileFlow } from './use-import-file'

/** Every format SellerGuard reads, by the names users know them by. */
export const IMPORT_FORMATS_TEXT = `SellerGuard reads exports from ${Object.values(IMPORT_SOURCE_NAMES).join(', ')}, and images of QR codes.`

/** The export-file chooser, with the formats it reads, the password an export may need, and why a file could not be read. */
export function ImportFile({ flow }: Readonly<{ flow: ImportFileFlow }>) {
  const [password, setPassword] = useState('')
  const [keyFile, setKeyFile] = useState<FileData | null>(null)
  const ids = { file: useId(), password: useId(), keyFile: useId(), formats: useId() }
  const prepareImport = useStore((s) => s.prepareImport)
  // Shown: main starts the thread it reads files on now, so the first file does not wait for it (~250 ms here).
  useEffect(() => void prepareImport(), [prepareImport])
  return (
    <>
      <p className="muted" id={ids.formats} data-testid="import-formats">
        {IMPORT_FORMATS_TEXT} You see every account before anything is added.
      </p>
      <label htmlFor={ids.file}>Export file</label>
      <input
        id={ids.file}
        type="file"
        className="input"
        aria-describedby={ids.formats}
        onChange={(e) => {
          const picked = e.target.files?.[0]
          if (picked) void flow.pick(picked)
        }}
      />
      {flow.needsPassword && flow.file && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            void flow.unlock(password, keyFile).then((done) => {
              if (!done) return
              setPassword('')
              setKeyFile(null)
            })
          }}
        >
          <label htmlFor={ids.password}>Password of this export</label>
          <input id={ids.password} type="password" className="input" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
          <label htmlFor={ids.keyFile}>Key file (KeePass databases that have one)</label>
          <input
            id={ids.keyFile}
            type="file"
            className="input"
            data-testid="import-key-file"
            onChange={(e) => {
              const picked = e.target.files?.[0]
              if (picked) void readFileBytes(picked).then((data) => (data.ok ? setKeyFile(data.value) : flow.refuse(data.error.message)))
              else setKeyFile(null)
            }}
          />
          <button type="submit" className="button">
            Open
          </button>
        </form>
      )}
      {flow.error && (
        <p className="field-error" role="alert" data-testid="import-error">
          {flow.error}
        </p>
      )}
    </>
  )
}
