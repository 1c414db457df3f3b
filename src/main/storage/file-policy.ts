/**
 * What happens to a file SellerGuard writes when loading it finds a problem
 * (damaged, written by a newer version, or unreadable): one table for every
 * file, applied by `stored-file.ts`. A new file gets a row here.
 *
 * The automatic backups in the user's backup folder are not stored files:
 * each is a new file under a new time-stamped name (`backup/backup-names.ts`),
 * written with the same atomic write (`atomic-write.ts`), never replaced.
 */
export type FilePolicy = Readonly<{
  /**
   * Saves are refused until a load succeeds or the user chooses (use the
   * backup copy, or start fresh with the damaged file kept aside); before
   * any load, too, since nothing is known of what a save would replace.
   * Off: the owner goes on with defaults and its next save replaces the file.
   */
  blockWritesOnProblem: boolean
}>

/** The user's data: never written over until the user has chosen. */
const KEEP_UNTIL_CHOSEN: FilePolicy = { blockWritesOnProblem: true }
/** Preferences and records with a safe default: a later save replaces a damaged file. */
const REPLACE_ON_SAVE: FilePolicy = { blockWritesOnProblem: false }

export const FILE_POLICIES = {
  /** `accounts.json`: account metadata (never secrets). */
  accounts: KEEP_UNTIL_CHOSEN,
  /** `checklist.json`: the security checklist's ticks. */
  checklist: KEEP_UNTIL_CHOSEN,
  /** `settings.json`: preferences; defaults stand in for a damaged file. */
  settings: REPLACE_ON_SAVE,
  /** `backup-state.json`: when the last encrypted backup was made. */
  backupRecord: REPLACE_ON_SAVE,
  /** `automatic-backups.json`: the automatic backups' settings and what the newest backup holds; defaults stand in (backups go on, none counted). */
  automaticBackups: REPLACE_ON_SAVE,
  /** `clock.json`: the last clock verdict and its history; losing it costs one check. */
  clockHistory: REPLACE_ON_SAVE,
  /** `window-state.json`: where the desktop window was. */
  windowState: REPLACE_ON_SAVE,
} as const satisfies Readonly<Record<string, FilePolicy>>
