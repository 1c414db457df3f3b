import { backupHandlers } from './backup/backup-handlers'
import type { BackupRestore } from './backup/backup-restore'
import type { BackupService } from './backup/backup-service'
import { checklistHandlers } from './checklist/checklist-handlers'
import type { ChecklistService } from './checklist/checklist-api'
import { clipboardHandlers } from './clipboard/clipboard-handlers'
import type { CopyCode } from './clipboard/copy-code'
import { clockHandlers } from './clock/clock-handlers'
import type { ClockService } from './clock/clock-service'
import { codeHandlers } from './codes/code-handlers'
import type { FrameService } from './codes/frame-service'
import { appHandlers, type AppInfoDeps } from './core/app-handlers'
import type { Handlers } from './core/dispatch'
import type { IconService } from './icons/icon-service'
import { lockHandlers } from './lock/lock-handlers'
import type { AppLock } from './lock/lock-service'
import { whileLocked } from './lock/while-locked'
import { settingsHandlers } from './settings/settings-handlers'
import type { SettingsService } from './settings/settings-service'
import type { FileIssues } from './storage/file-issues'
import { storageHandlers } from './storage/storage-handlers'
import { transferHandlers } from './transfer/transfer-handlers'
import type { TransferService } from './transfer/transfer-service'
import { trayHandlers } from './tray/tray-handlers'
import type { TrayService } from './tray/tray-service'
import { accountHandlers, vaultHandlers } from './vault/account-handlers'
import type { Vault } from './vault/vault'

export type HandledServices = Readonly<{
  app: AppInfoDeps
  now: () => number
  settings: SettingsService
  vault: Vault
  icons: IconService
  codes: FrameService
  copyCode: CopyCode
  tray: TrayService
  checklist: ChecklistService
  transfer: TransferService
  backups: BackupService
  restore: BackupRestore
  issues: FileIssues
  clock: ClockService
  lock: AppLock
  /** The OS's folder picker; absent where there is none (web mode). */
  chooseFolder?: (() => Promise<string | null>) | undefined
  /** Opens the OS's date & time settings; absent where that is impossible. */
  openTimeSettings?: (() => Promise<boolean>) | undefined
}>

/** Every contract method, answered by its folder's `*-handlers.ts`; while the app lock is locked, `whileLocked` answers for the rest. */
export function allHandlers(s: HandledServices): Handlers {
  return whileLocked({
    ...lockHandlers(s.lock),
    ...appHandlers(s.app), ...settingsHandlers(s.settings), ...vaultHandlers(s.vault), ...accountHandlers(s.vault, s.icons, s.now), ...codeHandlers(s.codes, s.vault),
    ...clipboardHandlers(s.copyCode), ...trayHandlers(s.tray), ...checklistHandlers(s.checklist), ...transferHandlers(s.transfer), ...backupHandlers(s.backups, s.restore, s.chooseFolder), ...storageHandlers(s.issues),
    ...clockHandlers({ clock: s.clock, codesAround: (id) => s.codes.around(id), ...(s.openTimeSettings ? { openTimeSettings: s.openTimeSettings } : {}) }),
  }, () => s.lock.isLocked())
}
