import { z } from 'zod'
import { STORED_FILE_NAMES } from './choices'
import { method } from './define'

/** Every file SellerGuard keeps in its data folder, by the name the contract uses for it. */
export const StoredFileName = z.enum(STORED_FILE_NAMES)
export type StoredFileName = z.infer<typeof StoredFileName>

/**
 * Something found while loading a file. `damaged`, `too-new` (written by a
 * newer SellerGuard) and `unreadable` block every write to that file until
 * the user chooses "use the backup copy" or "start fresh" (the file is kept
 * aside as `<file>.damaged-<time>` either way); `restored` says a missing
 * file was brought back from its previous version (`.bak`), for the user to
 * know and dismiss.
 */
export const StoredFileIssue = z.object({
  file: StoredFileName,
  kind: z.enum(['damaged', 'too-new', 'unreadable', 'restored']),
  /** Where the file is on disk. */
  path: z.string(),
  /** What was wrong, in the file system's or the parser's words (empty for `restored`). */
  reason: z.string(),
  /** Whether its previous version (`.bak`) can stand in for it. */
  backup: z.enum(['usable', 'missing', 'damaged']),
})
export type StoredFileIssue = z.infer<typeof StoredFileIssue>

export const StorageStatus = z.object({ issues: z.array(StoredFileIssue) })
export type StorageStatus = z.infer<typeof StorageStatus>

export const storageMethods = {
  status: method(z.void(), StorageStatus),
  /** The user's choice for a damaged file: its previous version, or a fresh start; the damaged file is kept aside either way. */
  recover: method(z.object({ file: StoredFileName, use: z.enum(['backup', 'fresh']) }).strict(), StorageStatus),
  /** The user read that a file was restored from its backup. */
  dismiss: method(z.object({ file: StoredFileName }).strict(), StorageStatus),
}

export const storageEvents = {
  status: StorageStatus,
}
