import type { BackupService } from './backup/backup-service'
import type { ChecklistService } from './checklist/checklist-api'
import type { ClockService } from './clock/clock-service'
import type { FrameService } from './codes/frame-service'
import { coalesce } from './core/coalesce'
import type { EventBus } from './core/events'
import type { AppLock } from './lock/lock-service'
import type { SettingsService } from './settings/settings-service'
import type { ClipboardGuard } from '../shared/clipboard-guard'
import type { TrayService } from './tray/tray-service'
import type { Vault } from './vault/vault'

export type FollowedServices = Readonly<{
  bus: EventBus
  settings: SettingsService
  clock: ClockService
  codes: FrameService
  vault: Vault
  checklist: ChecklistService
  tray: TrayService
  backups: BackupService
  lock: AppLock
  clipboard: ClipboardGuard
}>

export type FollowedChanges = Readonly<{
  /** Resolves once the code frames that follow the vault's last change have gone out (at once when none are owed). */
  codesOut: () => Promise<void>
}>

const CODES_OUT_MS = 2000

/**
 * What follows what: each service says what changed; the bus carries it to
 * the renderer, and what depends on it follows.
 */
export function followChanges({ bus, settings, clock, codes, vault, checklist, tray, backups, lock, clipboard }: FollowedServices): FollowedChanges {
  // The tray follows the list's order; rebuilding its menu (300 accounts: ~30 ms) for every other setting would make each settings change wait.
  let traySort = settings.get().sort
  settings.onChange((next) => {
    bus.emit('settings.changed', next)
    clock.settingsChanged()
    // The app lock and screen privacy items read settings.
    checklist.evidenceChanged()
    if (next.sort === traySort) return
    traySort = next.sort
    tray.refresh()
  })
  clock.onChange((status) => {
    bus.emit('clock.status', status)
    if (!status.checking) checklist.evidenceChanged()
    tray.refresh()
  })
  // Codes follow the clock: a new correction recomputes and pushes every frame.
  clock.onCorrectionChange(() => codes.refresh())
  // Secrets stream in batches at start-up: one code push per burst of vault changes.
  const refreshCodes = coalesce(() => codes.refresh())
  // Frames owed for the vault's last change, and who waits until they are out (codesOut).
  let owed = false
  const waiting: Array<() => void> = []
  vault.onChange((change) => {
    if (change !== 'keys') checklist.evidenceChanged()
    if (change === 'status') bus.emit('vault.status', vault.status())
    if (change === 'accounts') bus.emit('accounts.changed', [...vault.accounts()])
    owed = true
    refreshCodes()
    // The menu shows accounts and the keychain's state, never a key: secrets streaming in (7 batches at 1,000 accounts) leave it as it is.
    if (change !== 'keys') tray.refresh()
  })
  // While locked the vault holds no key: the one push left is the empty one that withdraws the codes.
  codes.onChange((frames) => {
    if (!lock.isLocked() || frames.frames.length === 0) bus.emit('codes.frames', frames)
    owed = false
    waiting.splice(0).forEach((done) => done())
  })
  lock.onChange((status) => (bus.emit('lock.status', status), tray.refresh(), checklist.evidenceChanged()))
  lock.onLocked(() => (vault.forgetSecrets(), void clipboard.clearNow()))
  lock.onUnlocked(() => void vault.readSecrets())
  // When, not what: a screen showing the checklist asks for the view (contract: ChecklistChanged).
  checklist.onChange((view) => bus.emit('checklist.changed', { evaluatedAt: view.evaluatedAt }))
  // A backup verified, failing, or a change it does not hold yet: the checklist's "backup" item follows.
  backups.onChange((status) => (bus.emit('backup.status', status), tray.refresh(), checklist.evidenceChanged()))
  return {
    // At most CODES_OUT_MS: a frame that never comes (the codes disposed) holds nothing up for good.
    codesOut: () => (owed ? new Promise<void>((done) => (waiting.push(done), setTimeout(done, CODES_OUT_MS).unref())) : Promise.resolve()),
  }
}
