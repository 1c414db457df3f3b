import { z } from 'zod'
import { createJsonFile } from '../storage/json-file'

const BackupState = z.object({ lastBackupAt: z.number().nullable() })

/** When the last encrypted backup was exported: evidence for the checklist's "recent backup" item. */
export async function createBackupRecord(path: string) {
  const file = createJsonFile({ path, schema: BackupState, version: 1 })
  const loaded = await file.load()
  let lastBackupAt = loaded.ok ? (loaded.value?.lastBackupAt ?? null) : null
  return {
    lastBackupAt: () => lastBackupAt,
    async record(at: number) {
      lastBackupAt = at
      await file.save({ lastBackupAt })
    },
  }
}
