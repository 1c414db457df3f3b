import { z } from 'zod'
import type { FileIssues } from '../storage/file-issues'
import { FILE_POLICIES } from '../storage/file-policy'
import { createStoredFile } from '../storage/stored-file'
import type { BackupCoverage } from './evidence'

/** `accountIds`: which accounts the newest backup holds (absent in records before 0.2: unknown). */
const BackupState = z.object({ lastBackupAt: z.number().nullable(), accountIds: z.array(z.string()).optional() })

export type BackupRecord = Readonly<{
  /** When the last encrypted backup was made, ms since the epoch; null = never (or the record is unreadable). */
  lastBackupAt: () => number | null
  /**
   * Which accounts the newest backup holds, and from when: an account added
   * after it is not covered. Null when a backup exists but the record
   * predates account ids (SellerGuard cannot tell).
   */
  coverage: () => BackupCoverage | null
  /** An encrypted backup of `accountIds` was made at `at`. */
  record(at: number, accountIds: readonly string[]): Promise<void>
}>

/** The last encrypted backup exported, and what it holds: evidence for the checklist's "recent backup" item. */
export async function createBackupRecord(path: string, issues?: FileIssues): Promise<BackupRecord> {
  const file = createStoredFile({ path, schema: BackupState, version: 1, policy: FILE_POLICIES.backupRecord, ...(issues ? { issues } : {}) })
  const loaded = await file.load()
  let state: z.infer<typeof BackupState> = loaded.kind === 'loaded' && loaded.value !== null ? loaded.value : { lastBackupAt: null }
  file.onRecovered((value) => void (state = value ?? state))
  return {
    lastBackupAt: () => state.lastBackupAt,
    coverage() {
      const at = state.lastBackupAt
      if (at === null) return { accounts: {} }
      if (state.accountIds === undefined) return null
      return { accounts: Object.fromEntries(state.accountIds.map((id) => [id, { at }])) }
    },
    async record(at, accountIds) {
      state = { lastBackupAt: at, accountIds: [...accountIds] }
      await file.save(state)
    },
  }
}
