import type { BackupService } from './backup/backup-service'
import type { ChecklistService } from './checklist/checklist-api'
import type { ClockService } from './clock/clock-service'
import type { FrameService } from './codes/frame-service'
import { coalesce } from './core/coalesce'
import { createHold } from './core/hold'
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
  /** Resolves once start-up's first codes are out and `startQuietMs` has passed (see followChanges), and stays resolved. */
  startedUp: () => Promise<void>
  /** Ends the start-up timers (dispose). */
  stop: () => void
}>

const CODES_OUT_MS = 2000
/** The longest start-up waits for its first codes (a keychain waiting for its unlock prompt, say) before the held work runs. */
const FIRST_CODES_WAIT_MS = 3000

/**
 * What follows what: each service says what changed; the bus carries it to
 * the renderer, and what depends on it follows.
 */
export function followChanges({ bus, settings, clock, codes, vault, checklist, tray, backups, lock, clipboard }: FollowedServices, startQuietMs = 0): FollowedChanges {
  /*
   * Start-up: the first codes reach the screen before the work it does not
   * show. The tray's menu rebuild and the checklist's re-evaluation (asked
   * for by every service that starts) are held, each run once however often
   * asked, and the vault lists the keychain for orphans (every item again,
   * through the keychain worker) only after them (startedUp). They wait for
   * the first frames with codes, or for a vault with none to give, plus
   * `startQuietMs` in which the window paints them: on two cores that work
   * slowed the painting by ~60-90 ms (bench/startup-bench.ts). Meanwhile
   * tray.menu() and checklist.view() answer from the state of the moment.
   */
  const startUp = createHold()
  const timers: NodeJS.Timeout[] = []
  let settling = false
  const settle = () => {
    if (settling) return
    settling = true
    if (startQuietMs > 0) timers.push(setTimeout(startUp.release, startQuietMs).unref())
    else startUp.release()
  }
  // No codes came: there is nothing to paint, so no quiet time either.
  timers.push(setTimeout(startUp.release, FIRST_CODES_WAIT_MS).unref())
  const noCodesToWaitFor = () => {
    const { state, loaded, total } = vault.status()
    return lock.isLocked() || (state !== 'checking' && (state !== 'ready' || loaded >= total))
  }
  const refreshTray = startUp.wrap(() => tray.refresh())
  const evidenceChanged = startUp.wrap(() => checklist.evidenceChanged())
  // The tray follows the list's order; rebuilding its menu (300 accounts: ~30 ms) for every other setting would make each settings change wait.
  let traySort = settings.get().sort
  settings.onChange((next) => {
    bus.emit('settings.changed', next)
    clock.settingsChanged()
    // The app lock and screen privacy items read settings.
    evidenceChanged()
    if (next.sort === traySort) return
    traySort = next.sort
    refreshTray()
  })
  clock.onChange((status) => {
    bus.emit('clock.status', status)
    if (!status.checking) evidenceChanged()
    refreshTray()
  })
  // Codes follow the clock: a new correction recomputes and pushes every frame.
  clock.onCorrectionChange(() => codes.refresh())
  // Secrets stream in batches at start-up: one code push per burst of vault changes.
  const refreshCodes = coalesce(() => codes.refresh())
  // Frames owed for the vault's last change, and who waits until they are out (codesOut).
  let owed = false
  const waiting: Array<() => void> = []
  vault.onChange((change) => {
    if (change !== 'keys') evidenceChanged()
    if (change === 'status') bus.emit('vault.status', vault.status())
    if (change === 'accounts') bus.emit('accounts.changed', [...vault.accounts()])
    owed = true
    refreshCodes()
    // The menu shows accounts and the keychain's state, never a key: secrets streaming in (7 batches at 1,000 accounts) leave it as it is.
    if (change !== 'keys') refreshTray()
  })
  // While locked the vault holds no key: the one push left is the empty one that withdraws the codes.
  codes.onChange((frames) => {
    if (!lock.isLocked() || frames.frames.length === 0) bus.emit('codes.frames', frames)
    owed = false
    waiting.splice(0).forEach((done) => done())
    // Start-up only: once settling, every later push skips the check.
    if (!settling && (frames.frames.length > 0 || noCodesToWaitFor())) settle()
  })
  lock.onChange((status) => (bus.emit('lock.status', status), refreshTray(), evidenceChanged()))
  lock.onLocked(() => (vault.forgetSecrets(), void clipboard.clearNow()))
  lock.onUnlocked(() => void vault.readSecrets())
  // When, not what: a screen showing the checklist asks for the view (contract: ChecklistChanged).
  checklist.onChange((view) => bus.emit('checklist.changed', { evaluatedAt: view.evaluatedAt }))
  // A backup verified, failing, or a change it does not hold yet: the checklist's "backup" item follows.
  backups.onChange((status) => (bus.emit('backup.status', status), refreshTray(), evidenceChanged()))
  return {
    // At most CODES_OUT_MS: a frame that never comes (the codes disposed) holds nothing up for good.
    codesOut: () => (owed ? new Promise<void>((done) => (waiting.push(done), setTimeout(done, CODES_OUT_MS).unref())) : Promise.resolve()),
    startedUp: () => startUp.released,
    stop: () => timers.forEach(clearTimeout),
  }
}
