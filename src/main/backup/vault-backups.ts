import path from 'node:path'
import type { ApiError, ImportPreview } from '../../shared/contract'
import type { Result } from '../../shared/result'
import type { OnChange } from '../core/listeners'
import type { Logger } from '../core/log'
import type { FileIssues } from '../storage/file-issues'
import type { Vault } from '../vault/vault'
import type { SecretStore } from '../vault/secret-store'
import { createBackupFolder } from './backup-folder'
import { createBackupPassword } from './backup-password'
import { createBackupRestore, type BackupRestore } from './backup-restore'
import { createBackupService, type BackupService, type BackupServiceDeps } from './backup-service'
import { vaultKeychain, vaultSnapshot } from './vault-snapshot'

/** The checklist as automatic backups follow it: its stored ticks (replaced, never mutated, on a change). */
export type FollowedChecklist = Readonly<{ state: () => unknown; onChange: OnChange<unknown[]> }>

export type VaultBackupsDeps = Readonly<{
  vault: Vault
  secrets: SecretStore
  dataDir: string
  /** Documents/SellerGuard Backups (platform/backup-folder.ts); web mode and tests: a folder in the data dir. */
  defaultFolder?: string
  canChooseFolder: boolean
  checklist: FollowedChecklist
  settings: () => unknown
  /** Reports a damaged automatic-backups.json to the storage banner. */
  issues?: FileIssues
  /** Opens a backup's text as an import (transfer's preview): "Restore" shows what a backup holds before anything is added. */
  preview: (text: string, password: string) => Promise<Result<ImportPreview, ApiError>>
  now: () => number
  log: Logger
  /** For tests: quiet period, longest wait, scrypt cost. */
  tuning?: Pick<BackupServiceDeps, 'quietMs' | 'maxWaitMs' | 'kdf'>
}>

/**
 * Automatic backups of this vault: its accounts and in-memory keys, the
 * checklist and settings. Follows the vault (a change of accounts or
 * groups is a change to back up; the keychain becoming ready lets a waiting
 * backup go) and the checklist's ticks.
 */
export function createVaultBackups(deps: VaultBackupsDeps): Readonly<{ backups: BackupService; restore: BackupRestore }> {
  const { vault, checklist } = deps
  const folders = createBackupFolder()
  const password = createBackupPassword(deps.secrets)
  const backups = createBackupService({
    folders,
    stateFile: path.join(deps.dataDir, 'automatic-backups.json'),
    ...(deps.issues ? { issues: deps.issues } : {}),
    defaultFolder: deps.defaultFolder ?? path.join(deps.dataDir, 'SellerGuard Backups'),
    canChooseFolder: deps.canChooseFolder,
    password,
    keychain: () => vaultKeychain(vault),
    snapshot: () => vaultSnapshot(vault, () => ({ checklist: checklist.state(), settings: deps.settings() })),
    current: () => ({ accounts: vault.accounts(), checklist: checklist.state() }),
    now: deps.now,
    log: deps.log,
    ...deps.tuning,
  })

  let keychain = JSON.stringify(vaultKeychain(vault))
  vault.onChange((change) => {
    if (change === 'accounts') return backups.changed()
    // Keys stream in batches: only a change of the keychain's readiness matters here.
    const now = JSON.stringify(vaultKeychain(vault))
    if (now !== keychain) void backups.retry()
    keychain = now
  })
  // The checklist also changes when only its evidence does; its ticks are a new object when they change.
  let ticks = checklist.state()
  checklist.onChange(() => {
    if (checklist.state() === ticks) return
    ticks = checklist.state()
    backups.changed()
  })
  const restore = createBackupRestore({ folders, folder: () => backups.status().folder, password, preview: deps.preview })
  return { backups, restore }
}
