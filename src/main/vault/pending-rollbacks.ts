import { z } from 'zod'
import { apiError, type ApiError } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import type { Logger } from '../core/log'
import type { FileIssues } from '../storage/file-issues'
import { FILE_POLICIES } from '../storage/file-policy'
import { createStoredFile, type StoredFile } from '../storage/stored-file'
import type { SecretStore } from './secret-store'

const Owed = z.object({ ids: z.array(z.string().max(200)).max(1_000_000) })
type Owed = z.infer<typeof Owed>

/**
 * Keychain items an add or import wrote but never confirmed (its account
 * list was not saved): owed a delete. Recorded in `pending-rollbacks.json`
 * BEFORE the secrets are written, so a refusal halfway (a keyring locked
 * mid-import), a keychain that stops answering, or a crash leaves a debt
 * that is paid at the next load with the keychain ready, never silent
 * orphans. Without a file (tests of other parts) it is kept in memory.
 */
export interface PendingRollbacks {
  /** Records the ids about to be written; refused (nothing may be written) when the record cannot be saved. */
  owe(ids: readonly string[]): Promise<Result<void, ApiError>>
  /** Their accounts were saved, or their secrets deleted: no longer owed. */
  settle(ids: readonly string[]): Promise<void>
  ids(): readonly string[]
  /** Deletes every owed secret whose account is not in the list (`kept`); stops at the first refusal, keeping the rest owed. */
  finish(secrets: SecretStore, kept: (id: string) => boolean, log: Logger): Promise<void>
}

export function createPendingRollbacks(path?: string, issues?: FileIssues): PendingRollbacks {
  const file: StoredFile<Owed> | null = path ? createStoredFile({ path, schema: Owed, version: 1, policy: FILE_POLICIES.rollbacks, ...(issues ? { issues } : {}) }) : null
  let owed = new Set<string>()
  let loaded: Promise<boolean> | null = null
  const load = () =>
    (loaded ??= (async () => {
      if (!file) return true
      const found = await file.load()
      if (found.kind !== 'loaded') return false
      owed = new Set(found.value?.ids ?? [])
      return true
    })())
  file?.onRecovered((value) => void (owed = new Set(value?.ids ?? [])))
  const save = async () => (file ? (await file.save({ ids: [...owed] })).ok : true)
  const settle = async (ids: readonly string[]) => {
    ids.forEach((id) => owed.delete(id))
    await save()
  }

  return {
    async owe(ids) {
      if (!(await load())) return err(apiError('io', 'SellerGuard could not read its record of unfinished imports (pending-rollbacks.json); nothing was added.'))
      ids.forEach((id) => owed.add(id))
      if (await save()) return ok(undefined)
      ids.forEach((id) => owed.delete(id))
      return err(apiError('io', 'SellerGuard could not record the import before writing it; nothing was added.'))
    },
    settle,
    ids: () => [...owed],
    async finish(secrets, kept, log) {
      if (!(await load()) || owed.size === 0) return
      const paid: string[] = []
      for (const id of owed) {
        if (!kept(id)) {
          try {
            await secrets.delete(id)
          } catch (e) {
            log.warn(`could not finish rolling back ${owed.size - paid.length} keychain items; kept for the next unlock`, e)
            break
          }
        }
        paid.push(id)
      }
      if (paid.length > 0) log.info(`rolled back ${paid.length} keychain items of an unfinished import or add`)
      await settle(paid)
    },
  }
}
