import { Dialog } from '../../ui/Dialog'
import { ImportFile } from './ImportFile'
import type { ImportFileFlow } from './use-import-file'

/** Import from the Codes screen (its header and its empty state), or for a dropped file that needs a password. */
export function ImportAccountsDialog({ flow, onClose }: Readonly<{ flow: ImportFileFlow; onClose: () => void }>) {
  return (
    <Dialog title="Import accounts" onClose={onClose} testId="import-file-dialog">
      <div className="form">
        <ImportFile flow={flow} />
        <p className="muted">You can also drop an export file or a QR code image anywhere on the Codes screen.</p>
      </div>
    </Dialog>
  )
}
