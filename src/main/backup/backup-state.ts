import { z } from 'zod'

/** How many automatic backups are kept by default, and the most a user may ask for. */
export const DEFAULT_KEEP = 10
export const MAX_KEEP = 100

/** The user's choices for automatic backups (the password is in the OS keychain, never here). */
export const BackupConfig = z
  .object({
    enabled: z.boolean(),
    /** An absolute folder the user picked; null = the default (Documents/SellerGuard Backups). */
    folder: z.string().min(1).max(4096).nullable(),
    /** How many of the newest backups to keep. */
    keep: z.number().int().min(1).max(MAX_KEEP),
  })
  .strict()
export type BackupConfig = z.infer<typeof BackupConfig>

export const DEFAULT_CONFIG: BackupConfig = { enabled: true, folder: null, keep: DEFAULT_KEEP }

/**
 * What one backup holds, recorded when it was made or opened: which accounts
 * (id → `accountDigest`, which never depends on the secret), and the checklist.
 */
export const BackupRecord = z
  .object({
    /** When the backup was made, ms since the epoch. */
    at: z.number().int(),
    /** When SellerGuard last opened it and found these contents, ms since the epoch; null = never (a backup exported by hand). */
    verifiedAt: z.number().int().nullable(),
    /** Automatic backups: where the file is, and a digest of its text to notice a change on disk. */
    folder: z.string().max(4096).optional(),
    file: z.string().max(255).optional(),
    fileDigest: z.string().max(100).optional(),
    accounts: z.record(z.string().max(64), z.string().max(100)),
    /** `checklistDigest` of the checklist it holds (of null when it holds none); null = not known. */
    checklist: z.string().max(100).nullable(),
  })
  .strict()
export type BackupRecord = z.infer<typeof BackupRecord>

/** automatic-backups.json. */
export const BackupStateFile = z
  .object({
    config: BackupConfig,
    /** The newest automatic backup SellerGuard wrote and verified. */
    automatic: BackupRecord.nullable(),
    /** The newest encrypted backup exported by hand. */
    exported: BackupRecord.nullable(),
  })
  .strict()
export type BackupStateFile = z.infer<typeof BackupStateFile>

export const EMPTY_STATE: BackupStateFile = { config: DEFAULT_CONFIG, automatic: null, exported: null }
