import type { StoredFileName } from '../../shared/contract'

/**
 * What every file SellerGuard writes does when loading finds a problem,
 * applied by `stored-file.ts`, the same for each (the rows differ only in
 * their name and words):
 * - a damaged file, or one written by a newer SellerGuard (schemaVersion
 *   higher than this build knows), is never written over: saves are refused
 *   until the user chooses "use the backup copy" or "start fresh", and
 *   either choice first moves it aside as `<file>.damaged-<time>`;
 * - a missing file with a previous version (`.bak`) is restored from it,
 *   and the user is told;
 * - saves are refused before the first load, too: nothing is known yet of
 *   what a save would replace.
 * A new file gets a row here (and a name in the contract's `StoredFileName`).
 *
 * The automatic backups in the user's backup folder are not stored files:
 * each is a new file under a new time-stamped name (`backup/backup-names.ts`),
 * written with the same atomic write (`atomic-write.ts`), never replaced.
 */
export type FilePolicy = Readonly<{
  name: StoredFileName
  /** What the file is, for logs ("the account list"). */
  what: string
}>

export const FILE_POLICIES = {
  /** `accounts.json`: account metadata (never secrets). */
  accounts: { name: 'accounts', what: 'the account list' },
  /** `checklist.json`: the security checklist's ticks. */
  checklist: { name: 'checklist', what: 'the security checklist' },
  /** `settings.json`: preferences. */
  settings: { name: 'settings', what: 'the settings' },
  /** `backup-state.json`: when the last encrypted backup was made. */
  backupRecord: { name: 'backupRecord', what: 'the record of the last backup' },
  /** `automatic-backups.json`: the automatic backups' settings and what the newest backup holds. */
  automaticBackups: { name: 'automaticBackups', what: 'the automatic backups’ settings' },
  /** `clock.json`: the last clock verdict and its history. */
  clockHistory: { name: 'clockHistory', what: 'the clock history' },
  /** `lock-failures.json`: wrong app passwords in a row; while it cannot be read, the count goes on from five (lock/backoff.ts). */
  lockFailures: { name: 'lockFailures', what: 'the count of wrong app passwords' },
  /** `window-state.json`: where the desktop window was. */
  windowState: { name: 'windowState', what: 'the window position' },
  /** `pending-rollbacks.json`: keychain items of an unfinished add or import, deleted at the next unlock. */
  rollbacks: { name: 'rollbacks', what: 'the record of unfinished imports' },
} as const satisfies { readonly [N in StoredFileName]: FilePolicy & { name: N } }
