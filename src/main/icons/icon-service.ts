import { apiError, type AccountSummary, type ApiError, type FileData, type IconImage } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import type { Logger } from '../core/log'
import { iconImageMessage } from './icon-image'
import type { IconStore, IconStoreError } from './icon-store'

export type IconServiceDeps = Readonly<{
  store: IconStore
  exists: (accountId: string) => boolean
  /** Marks the account's icon as its image (the vault's update). */
  useImage: (accountId: string) => Promise<Result<AccountSummary, ApiError>>
  log: Logger
}>

export interface IconService {
  setImage(accountId: string, file: FileData): Promise<Result<AccountSummary, ApiError>>
  image(accountId: string): Promise<Result<IconImage | null, ApiError>>
  /** Deletes images of accounts that are gone for good (call at start-up, when no removal is waiting for undo). */
  prune(existingIds: ReadonlySet<string>): Promise<void>
}

// Strict: only the base64 alphabet, padded to a multiple of 4 (Buffer.from would skip anything else silently).
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

const storeError = (e: IconStoreError): ApiError => (e.kind === 'io' ? apiError('io', `The icon could not be saved: ${e.reason}`) : apiError('invalid-input', iconImageMessage(e)))

/** The user's own icon images: checked in main, kept in the data folder, served as data for a `data:` URL. */
export function createIconService(deps: IconServiceDeps): IconService {
  return {
    async setImage(accountId, file) {
      if (!deps.exists(accountId)) return err(apiError('not-found', 'That account does not exist.'))
      if (file.encoding !== 'base64' || !BASE64.test(file.data)) return err(apiError('invalid-input', 'That file is not a PNG, JPEG or WebP image.'))
      const saved = await deps.store.save(accountId, new Uint8Array(Buffer.from(file.data, 'base64')))
      if (!saved.ok) return err(storeError(saved.error))
      return deps.useImage(accountId)
    },
    async image(accountId) {
      if (!deps.exists(accountId)) return err(apiError('not-found', 'That account does not exist.'))
      const loaded = await deps.store.load(accountId)
      if (!loaded.ok) {
        deps.log.warn(`icon image of ${accountId} refused: ${JSON.stringify(loaded.error)}`)
        return err(storeError(loaded.error))
      }
      return ok(loaded.value && { mimeType: loaded.value.mimeType, data: Buffer.from(loaded.value.bytes).toString('base64') })
    },
    async prune(existingIds) {
      for (const id of await deps.store.list()) {
        if (existingIds.has(id)) continue
        const removed = await deps.store.remove(id)
        if (!removed.ok) deps.log.warn(`icon image of removed account ${id} not deleted: ${removed.error.kind}`)
      }
    },
  }
}
