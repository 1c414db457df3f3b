import { z } from 'zod'
import type { FileIssues } from '../storage/file-issues'
import { FILE_POLICIES } from '../storage/file-policy'
import { createStoredFile } from '../storage/stored-file'

const BackupState = z.object({ lastBackupAt: z.number().nullable() })

export type BackupRecord = Readonly<{
  /** When the last encrypted backup was made, ms since the epoch; null = never (or the record is unreadable). */
  lastBackupAt: () => number | null
  record(at: number): Promise<void>
}>

/** When the last encrypted backup was exported: evidence for the checklist's "recent backup" item. */
export async function createBackupRecord(path: string, issues?: FileIssues): Promise<BackupRecord> {
  const file = createStoredFile({ path, schema: BackupState, version: 1, policy: FILE_POLICIES.backupRecord, ...(issues ? { issues } : {}) })
  const loaded = await file.load()
  let lastBackupAt = loaded.kind === 'loaded' ? (loaded.value?.lastBackupAt ?? null) : null
  file.onRecovered((value) => void (lastBackupAt = value?.lastBackupAt ?? lastBackupAt))
  return {
    lastBackupAt: () => lastBackupAt,
    async record(at) {
      lastBackupAt = at
      await file.save({ lastBackupAt })
    },
  }
}
