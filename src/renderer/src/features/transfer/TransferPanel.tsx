import { useState } from 'react'
import type { ImportPreview } from '../../contract'
import { ExportPanel } from './ExportPanel'
import { ImportDialog } from './ImportDialog'
import { ImportFile } from './ImportFile'
import { useImportFile } from './use-import-file'

/** Moving accounts in from other apps; encrypted backups and exports (ExportPanel), so users can always leave. */
export function TransferPanel() {
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const importFile = useImportFile(setPreview)
  return (
    <>
      <fieldset className="field" data-testid="import-panel">
        <legend>Move accounts in</legend>
        <ImportFile flow={importFile} />
      </fieldset>
      <ExportPanel />
      {preview && <ImportDialog preview={preview} onClose={() => setPreview(null)} />}
    </>
  )
}
