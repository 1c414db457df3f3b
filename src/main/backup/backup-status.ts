import type { BackupProblemKind, BackupStatus } from '../../shared/contract/backup'
import type { BackupConfig, BackupRecord } from './backup-state'

export type Problem = Readonly<{ kind: BackupProblemKind; message: string }>

export type StatusInput = Readonly<{
  config: BackupConfig
  folder: string
  problem: Problem | null
  passwordSet: boolean
  keychainReady: boolean
  waitingSince: number | null
  /** A backup is waiting or being written. */
  busy: boolean
  /** The newest automatic backup, while it is trusted to be on disk as written. */
  automatic: BackupRecord | null
  coversLatestChange: boolean
  canChooseFolder: boolean
}>

/**
 * The state the UI shows: off; needs a password (none in the keychain, once
 * the keychain could be asked); failing with its problem; a backup waiting;
 * or ok.
 */
export function describeStatus(input: StatusInput): BackupStatus {
  const { config, problem, automatic } = input
  const needsPassword = problem?.kind === 'no-password' || (!input.passwordSet && problem === null && input.keychainReady)
  const state = !config.enabled ? 'off' : needsPassword ? 'needs-password' : problem ? 'failing' : input.busy ? 'pending' : 'ok'
  return {
    enabled: config.enabled,
    folder: input.folder,
    folderIsDefault: config.folder === null,
    keep: config.keep,
    passwordSet: input.passwordSet,
    state,
    problem: config.enabled ? problem : null,
    lastBackupAt: automatic?.at ?? null,
    lastVerifiedAt: automatic?.verifiedAt ?? null,
    lastFile: automatic?.file ?? null,
    coversLatestChange: input.coversLatestChange,
    waitingSince: input.waitingSince,
    canChooseFolder: input.canChooseFolder,
  }
}
