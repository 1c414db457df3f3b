import { ok } from '../../shared/result'
import type { AreaHandlers } from '../core/dispatch'
import { fileBytes, fileContent } from './file-data'
import type { TransferService } from './transfer-service'

/** `transfer.*`: import previews and confirmation, backups and exports. */
export function transferHandlers(transfer: TransferService): AreaHandlers<'transfer'> {
  return {
    'transfer.preview': async ({ file, password, keyFile }) => {
      const content = fileContent(file)
      if (!content.ok) return content
      if (keyFile === undefined) return transfer.preview(content.value, password)
      const key = fileBytes(keyFile)
      return key.ok ? transfer.preview(content.value, password, key.value) : key
    },
    'transfer.prepare': () => ok(transfer.prepare()),
    'transfer.previewImage': async ({ file }) => {
      const bytes = fileBytes(file)
      return bytes.ok ? transfer.previewImage(bytes.value) : bytes
    },
    'transfer.previewScreen': () => transfer.previewScreen(),
    'transfer.confirm': (input) => transfer.confirm(input),
    'transfer.cancel': ({ previewId }) => transfer.cancel(previewId),
    'transfer.exportBackup': ({ password }) => transfer.exportBackup(password),
    'transfer.exportAegis': ({ password, plain }) => transfer.exportAegis(password, plain),
    'transfer.exportTwofas': ({ password, plain }) => transfer.export2fas(password, plain),
    'transfer.exportOtpauthList': () => transfer.exportOtpauthList(),
  }
}
