import { TEMP_SUFFIX } from '../storage/atomic-write'

/*
 * Automatic backups are named by the moment they were made, in UTC, so the
 * newest sorts last in any file manager and the name alone dates the file:
 *   sellerguard-auto-2026-05-01T12-00-00-000Z.sgbackup
 * (":" and "." of ISO 8601 replaced by "-": Windows and most sync services
 * refuse ":" in names). Only names of exactly this form are ever listed,
 * rotated or deleted: the folder may be shared with the user's own files.
 */

const PREFIX = 'sellerguard-auto-'
const EXTENSION = '.sgbackup'
const NAME = /^sellerguard-auto-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sgbackup$/

/** The file name of a backup made at `at` (ms since the epoch). */
export function backupFileName(at: number): string {
  return `${PREFIX}${new Date(at).toISOString().replace(/[:.]/g, '-')}${EXTENSION}`
}

/** When a backup with this name was made (ms since the epoch); null for any other name. */
export function backupTime(name: string): number | null {
  const match = NAME.exec(name)
  if (!match) return null
  const [, day, hours, minutes, seconds, ms] = match
  const at = Date.parse(`${day}T${hours}:${minutes}:${seconds}.${ms}Z`)
  return Number.isNaN(at) || backupFileName(at) !== name ? null : at
}

/** Backup names among `names`, newest first; other files are left out. */
export function newestFirst(names: readonly string[]): string[] {
  return names
    .map((name) => ({ name, at: backupTime(name) }))
    .filter((entry): entry is { name: string; at: number } => entry.at !== null)
    .sort((a, b) => b.at - a.at)
    .map((entry) => entry.name)
}

/** The backups to delete so that the newest `keep` remain. */
export function beyondKeep(names: readonly string[], keep: number): string[] {
  return newestFirst(names).slice(Math.max(1, keep))
}

/** A temporary file of a backup write that never finished (a crash). */
export function isBackupTemp(name: string): boolean {
  return name.startsWith(PREFIX) && name.endsWith(TEMP_SUFFIX)
}
