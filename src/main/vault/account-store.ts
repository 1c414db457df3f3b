import { promises as fs } from 'node:fs'
import { z } from 'zod'
import { AccountSummary } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { createJsonFile, type JsonFileError } from '../storage/json-file'

const AccountsDoc = z.object({ accounts: z.array(AccountSummary) })

/**
 * Account metadata (never secrets) in `accounts.json`: atomic writes, a
 * schema version, and the previous version kept as `accounts.json.bak`.
 */
export interface AccountStore {
  load(): Promise<Result<AccountSummary[], JsonFileError>>
  save(accounts: readonly AccountSummary[]): Promise<Result<void, JsonFileError>>
  hasBackup(): Promise<boolean>
  /** Moves the damaged file aside (`.damaged-<time>`) and makes the backup current. */
  restoreBackup(now: number): Promise<Result<AccountSummary[], JsonFileError>>
}

export function createAccountStore(path: string): AccountStore {
  const file = createJsonFile({ path, schema: AccountsDoc, version: 1 })
  return {
    async load() {
      const loaded = await file.load()
      return loaded.ok ? ok(loaded.value?.accounts ?? []) : loaded
    },
    save: (accounts) => file.save({ accounts: [...accounts] }),
    async hasBackup() {
      const backup = await file.loadBackup()
      return backup.ok && backup.value !== null
    },
    async restoreBackup(now) {
      const backup = await file.loadBackup()
      if (!backup.ok) return backup
      if (backup.value === null) return err({ kind: 'io', path: `${path}.bak`, reason: 'there is no backup' })
      try {
        await fs.rename(path, `${path}.damaged-${now}`)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return err({ kind: 'io', path, reason: String(e) })
      }
      const saved = await file.save(backup.value)
      return saved.ok ? ok(backup.value.accounts) : saved
    },
  }
}
