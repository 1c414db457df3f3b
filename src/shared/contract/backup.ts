import { z } from 'zod'
import { method } from './define'
import { AccountId } from './accounts'
import { ExportPassword, ImportPassword } from './passwords'
import { ImportPreview } from './transfer'

/** Why automatic backups are not working right now; each is shown (banner, tray, checklist), never silent. */
export const BackupProblemKind = z.enum([
  /** No backup password has been chosen yet. */
  'no-password',
  'folder-missing',
  'folder-unwritable',
  /** The newest backup is no longer where it was written. */
  'file-missing',
  'write-failed',
  /** A backup did not read back as written, or the restore drill could not open the newest one. */
  'verify-failed',
  /** The keychain is locked or unreachable: no secrets to back up, or no backup password to read. */
  'keychain',
  /** Some accounts have no key in the keychain and are not in the backup. */
  'incomplete',
])
export type BackupProblemKind = z.infer<typeof BackupProblemKind>

/** Automatic encrypted backups as the UI shows them. Times are ms since the epoch. */
export const BackupStatus = z.object({
  enabled: z.boolean(),
  /** The folder backups go to (absolute). */
  folder: z.string(),
  /** Whether it is the default (Documents/SellerGuard Backups), which SellerGuard creates when missing. */
  folderIsDefault: z.boolean(),
  /** How many of the newest backups are kept. */
  keep: z.number().int().min(1),
  /** Whether a backup password is in the keychain (the password itself never leaves main). */
  passwordSet: z.boolean(),
  /** `pending`: a change is waiting for its backup; `failing`: see `problem`. */
  state: z.enum(['off', 'needs-password', 'ok', 'pending', 'failing']),
  problem: z.object({ kind: BackupProblemKind, message: z.string() }).nullable(),
  /** The newest automatic backup SellerGuard wrote and read back, and when it last checked it. */
  lastBackupAt: z.number().nullable(),
  lastVerifiedAt: z.number().nullable(),
  lastFile: z.string().nullable(),
  /** The last verified backup holds every account and the checklist as they are now. */
  coversLatestChange: z.boolean(),
  /** Since when a change has been waiting for its backup. */
  waitingSince: z.number().nullable(),
  /** Whether `backup.chooseFolder` can open the system's folder picker here (not in web mode). */
  canChooseFolder: z.boolean(),
})
export type BackupStatus = z.infer<typeof BackupStatus>

export const BackupDifference = z.object({
  accountId: AccountId,
  name: z.string(),
  /** `missing`: in SellerGuard, not in the backup; `extra`: only in the backup (deleted since). */
  change: z.enum(['missing', 'extra', 'changed']),
  /** Which fields differ, never their values. */
  fields: z.array(z.enum(['type', 'issuer', 'label', 'algorithm', 'digits', 'period', 'counter', 'group', 'kind', 'secret'])),
})
export type BackupDifference = z.infer<typeof BackupDifference>

/** The restore drill: the newest backup opened on its own and compared with SellerGuard now. */
export const DrillReport = z.discriminatedUnion('result', [
  z.object({ result: z.literal('none'), message: z.string() }),
  z.object({ result: z.literal('unreadable'), file: z.string(), message: z.string() }),
  z.object({ result: z.literal('matches'), file: z.string(), at: z.number() }),
  z.object({ result: z.literal('differs'), file: z.string(), at: z.number(), accounts: z.array(BackupDifference), checklistDiffers: z.boolean() }),
])
export type DrillReport = z.infer<typeof DrillReport>

/** A change to the automatic backup settings; the password goes to the keychain. */
export const BackupConfigChange = z
  .object({
    enabled: z.boolean().optional(),
    /** An absolute folder, or null for the default. */
    folder: z.string().trim().min(1).max(4096).nullable().optional(),
    keep: z.number().int().min(1).max(100).optional(),
    password: ExportPassword.optional(),
  })
  .strict()
export type BackupConfigChange = z.infer<typeof BackupConfigChange>

/** One automatic backup in the backup folder, as "Restore" lists it. */
export const BackupFile = z.object({ name: z.string(), at: z.number() })
export type BackupFile = z.infer<typeof BackupFile>

export const backupMethods = {
  status: method(z.void(), BackupStatus),
  configure: method(BackupConfigChange, BackupStatus),
  /** Writes a backup now (if enabled and set up), without waiting for the quiet period. */
  backUpNow: method(z.void(), BackupStatus),
  /** "Verify backups": the restore drill. */
  verify: method(z.void(), z.object({ report: DrillReport, status: BackupStatus })),
  /** Opens the system's folder picker; `folder` is null when cancelled or impossible here. */
  chooseFolder: method(z.void(), z.object({ folder: z.string().nullable() })),
  /** The automatic backups in the backup folder, newest first (other files there are never listed). */
  list: method(z.void(), z.object({ folder: z.string(), files: z.array(BackupFile) })),
  /**
   * Opens one of them for a restore: the same preview as an import (duplicates
   * marked, then `transfer.confirm`). Without `password`, the backup password
   * in the keychain.
   */
  preview: method(z.object({ name: z.string().min(1).max(255), password: ImportPassword.optional() }).strict(), ImportPreview),
}

export const backupEvents = {
  status: BackupStatus,
}
