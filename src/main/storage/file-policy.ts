import { STORED_FILE_WORDS, type StoredFileName } from '../../shared/contract'

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
  /** What the file is, in messages and logs ("the account list"): the contract's words (STORED_FILE_WORDS). */
  what: string
}>

export const FILE_POLICIES = {
  /** `accounts.json`: account metadata (never secrets). */
  accounts: { name: 'accounts', what: `the ${STORED_FILE_WORDS.accounts.what}` },
  /** `checklist.json`: the security checklist's ticks. */
  checklist: { name: 'checklist', what: `the ${STORED_FILE_WORDS.checklist.what}` },
  /** `settings.json`: preferences. */
  settings: { name: 'settings', what: `the ${STORED_FILE_WORDS.settings.what}` },
  /** `backup-state.json`: when the last encrypted backup was made. */
  backupRecord: { name: 'backupRecord', what: `the ${STORED_FILE_WORDS.backupRecord.what}` },
  /** `automatic-backups.json`: the automatic backups' settings and what the newest backup holds. */
  automaticBackups: { name: 'automaticBackups', what: `the ${STORED_FILE_WORDS.automaticBackups.what}` },
  /** `clock.json`: the last clock verdict and its history. */
  clockHistory: { name: 'clockHistory', what: `the ${STORED_FILE_WORDS.clockHistory.what}` },
  /** `lock-failures.json`: wrong app passwords in a row; while it cannot be read, the count goes on from five (lock/backoff.ts). */
  lockFailures: { name: 'lockFailures', what: `the ${STORED_FILE_WORDS.lockFailures.what}` },
  /** `window-state.json`: where the desktop window was. */
  windowState: { name: 'windowState', what: `the ${STORED_FILE_WORDS.windowState.what}` },
  /** `pending-rollbacks.json`: keychain items of an unfinished add or import, deleted at the next unlock. */
  rollbacks: { name: 'rollbacks', what: `the ${STORED_FILE_WORDS.rollbacks.what}` },
} as const satisfies { readonly [N in StoredFileName]: FilePolicy & { name: N } }
