import { z } from 'zod'
import { AccountSummary } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import type { FileIssues } from '../storage/file-issues'
import { FILE_POLICIES } from '../storage/file-policy'
import { createStoredFile, type StoredProblem, type StoredRecoverError, type StoredSaveError } from '../storage/stored-file'

const AccountsDoc = z.object({ accounts: z.array(AccountSummary) })

/**
 * Account metadata (never secrets) in `accounts.json`, kept as every file
 * is (`storage/stored-file.ts`): atomic writes, a schema version, the
 * previous version as `accounts.json.bak`, and no save after a problem
 * until the user chose.
 */
export interface AccountStore {
  /** An empty list for a new install. */
  load(): Promise<Result<AccountSummary[], StoredProblem>>
  save(accounts: readonly AccountSummary[]): Promise<Result<void, StoredSaveError>>
  /** Moves the damaged file aside (`.damaged-<time>`) and makes the backup current. */
  restoreBackup(now: number): Promise<Result<AccountSummary[], StoredRecoverError>>
  /** After the user chose (here or through `storage.recover`): the list must be read again. */
  onRecovered(listener: () => Promise<void>): void
}

export function createAccountStore(path: string, issues?: FileIssues): AccountStore {
  const file = createStoredFile({ path, schema: AccountsDoc, version: 1, policy: FILE_POLICIES.accounts, ...(issues ? { issues } : {}) })
  return {
    async load() {
      const loaded = await file.load()
      return loaded.kind === 'loaded' ? ok(loaded.value?.accounts ?? []) : err(loaded)
    },
    save: (accounts) => file.save({ accounts: [...accounts] }),
    async restoreBackup(now) {
      const restored = await file.restoreBackup(now)
      return restored.ok ? ok(restored.value.accounts) : restored
    },
    onRecovered: (listener) => file.onRecovered(listener),
  }
}
