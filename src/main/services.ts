import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { AppInfo } from '../shared/contract'
import type { BackupService } from './backup/backup-service'
import { createVaultBackups } from './backup/vault-backups'
import { followChanges } from './changes'
import type { BackupCoverage } from './checklist/evidence'
import { createChecklistService } from './checklist/checklist-service'
import { createClipboardGuard, type ClipboardPort } from '../shared/clipboard-guard'
import { createCopyCode } from './clipboard/copy-code'
import { createClockService, type ClockService, type ClockServiceDeps } from './clock/clock-service'
import { trustedOffsetMs } from './clock/codes-around'
import { createClockStore } from './clock/clock-store'
import type { ClockCheckOptions } from './clock/select'
import { createFrameService } from './codes/frame-service'
import { createIconService } from './icons/icon-service'
import { createIconStore } from './icons/icon-store'
import { createDispatch, type Dispatch } from './core/dispatch'
import { createEventBus, type EventBus } from './core/events'
import type { Logger } from './core/log'
import { createAutoLock, type AutoLock } from './lock/auto-lock'
import { lockEvidence } from './lock/lock-evidence'
import { createAppLock, type AppLock } from './lock/lock-service'
import type { SlotCost } from './lock/password-slot'
import type { QuickUnlockPort } from './lock/quick-unlock'
import { allHandlers } from './handlers'
import { startServices } from './lifecycle'
import type { ScreenCapture } from './qr/screen-capture'
import { createFileIssues, type FileIssues } from './storage/file-issues'
import { createSettingsService, type SettingsService } from './settings/settings-service'
import { createTransferService } from './transfer/transfer-service'
import { createWorkerCrypto } from './transfer/worker/client'
import { createTrayService, type TrayService } from './tray/tray-service'
import { createAccountStore } from './vault/account-store'
import { createPendingRollbacks } from './vault/pending-rollbacks'
import type { SecretStore } from './vault/secret-store'
import { createVault, type Vault } from './vault/vault'

/** Everything the services need from the outside world, injected. */
export type ServiceDeps = Readonly<{
  /** Folder for metadata files (Electron's `userData`, or web mode's data dir). */
  dataDir: string
  appVersion: string
  platform: NodeJS.Platform
  runtime: AppInfo['runtime']
  /** Wall clock, ms since the epoch; injected so tests and the clock correction can steer it. */
  now: () => number
  log: Logger
  /** The OS keychain (keytar in the app); the only place secrets are kept. */
  secrets: SecretStore
  /** How long a deleted account can be brought back, ms. */
  undoWindowMs?: number
  /** The system clipboard (Electron's, or web mode's adapter). */
  clipboard: ClipboardPort
  /** Opens the OS's date & time settings; absent where that is impossible (web mode). */
  openTimeSettings?: () => Promise<boolean>
  /** For tests: SNTP sampling (loopback servers need no 2 s spacing). */
  clockCheckOptions?: ClockCheckOptions
  /** For tests: the HTTPS fallback's extra trusted CA (a loopback server's self-signed cert) and probing. */
  clockHttps?: ClockServiceDeps['https']
  /** Takes a picture of the screen to scan QR codes from; null where impossible. */
  screen?: ScreenCapture | null
  /**
   * The built transfer worker (out/main/transfer-worker.js), where imports
   * derive keys off the main thread. Absent (tests of other services): on this thread.
   */
  transferWorker?: string
  /** The desktop app's window and lifecycle, for the tray's Open and Quit (absent in web mode). */
  shell?: Readonly<{ openWindow: () => void; quit: () => void }>
  /** Where automatic backups go by default (Documents/SellerGuard Backups); a folder in `dataDir` when absent (web mode). */
  backupFolder?: string
  /** The OS's folder picker for the backup folder; absent where there is none (web mode). */
  chooseFolder?: () => Promise<string | null>
  /** Seconds since the last input anywhere on the computer (powerMonitor; web mode and tests inject one); absent: never idle. */
  idleSeconds?: () => number
  /** The OS's own unlock for the app lock (Touch ID); absent: password only. */
  quickUnlock?: QuickUnlockPort | null
  /** For tests: a cheaper scrypt for app-lock slots (never below what backups accept). */
  lockCost?: SlotCost
  /** How often the idle time is read, ms (tests; default lock/auto-lock.ts IDLE_POLL_MS). */
  idlePollMs?: number
  /**
   * After start-up's first codes are out, how long the work the first screen does not show waits while the window
   * paints them, ms (changes.ts; the app and web mode: START_QUIET_MS). Absent (tests): it runs once they are out.
   */
  startQuietMs?: number
}>

/** What the app and web mode give `startQuietMs`: the window paints its first codes in well under this on a slow computer. */
export const START_QUIET_MS = 1000

export interface Services {
  dispatch: Dispatch
  bus: EventBus
  settings: SettingsService
  /** What loading found in each file (damaged, newer, restored from its backup), for every file the app writes. */
  issues: FileIssues
  vault: Vault
  clock: ClockService
  tray: TrayService
  backups: BackupService
  lock: AppLock
  /** Screen lock, suspend and hidden window come in here from the desktop adapters. */
  autoLock: AutoLock
  /** Resolves once the keychain has been probed and every secret loaded (codes stream in before that). */
  ready: Promise<void>
  dispose(): Promise<void>
}

/**
 * The composition root of the plain-Node services: builds them, joins their
 * handlers into the one dispatch, and relays their changes to the event bus
 * and to the services that follow them. No rules live here. Knows nothing
 * of Electron: `src/main/index.ts` and web mode both call this with their
 * own adapters.
 */
export async function createServices(deps: ServiceDeps): Promise<Services> {
  const { log, now, platform } = deps
  const file = (name: string) => path.join(deps.dataDir, name)
  // The data folder is the user's alone (its files are 0600 already): created 0700.
  await fs.mkdir(deps.dataDir, { recursive: true, mode: 0o700 })
  const bus = createEventBus(log)
  const issues = createFileIssues(now)
  issues.onChange((status) => bus.emit('storage.status', status))
  const settings = await createSettingsService({ file: file('settings.json'), log, issues })
  const lock = createAppLock({ raw: deps.secrets, log, now, failuresFile: file('lock-failures.json'), issues, quick: deps.quickUnlock ?? null, ...(deps.lockCost ? { cost: deps.lockCost } : {}) })
  await lock.start()
  const vault = createVault({ secrets: lock.secrets, mayReadSecrets: () => lock.beforeSecrets(), beforeOrphanCheck: () => changes.startedUp().then(changes.codesOut), store: createAccountStore(file('accounts.json'), issues), rollbacks: createPendingRollbacks(file('pending-rollbacks.json'), issues), platform, now, log, ...(deps.undoWindowMs !== undefined ? { undoWindowMs: deps.undoWindowMs } : {}) })
  const clockStore = createClockStore(file('clock.json'), log, issues)
  const clock = createClockService({
    now, settings: () => settings.get(), log, restored: await clockStore.load(), persist: (state) => clockStore.save(state),
    ...(deps.clockCheckOptions ? { checkOptions: deps.clockCheckOptions } : {}), ...(deps.clockHttps ? { https: deps.clockHttps } : {}),
  })
  const clipboard = createClipboardGuard({ clipboard: deps.clipboard, now })
  const codes = createFrameService({ vault, now, correctionMs: () => clock.correctionMs(), trustedOffsetMs: () => trustedOffsetMs(clock.status()) })
  const copyCode = createCopyCode({
    code: (id, which, below) => codes.code(id, which, below), clipboard, clearAfterSeconds: () => settings.get().clipboardClearSeconds, nextBelowSeconds: () => settings.get().copyNextBelowSeconds,
    // For "recently used" order.
    used: (id) => void vault.update({ id, lastUsedAt: now() }).then((r) => (r.ok ? undefined : log.warn(`last use not saved: ${r.error.message}`))),
  })
  let backupCoverage: () => BackupCoverage | null = () => null
  const checklist = await createChecklistService({
    file: file('checklist.json'), backupFile: file('backup-state.json'), now, log, accounts: () => vault.accounts(), accountsWithKey: () => vault.accountIdsWithKey(), clockStatus: () => clock.status(),
    setAccountRegion: (id, region) => vault.update({ id, region }), issues,
    lockEvidence: () => lockEvidence(lock.status(), settings.get(), platform, deps.runtime),
    // Automatic backups are made below; until then (and while they cannot tell) the checklist's own record speaks.
    backupCoverage: () => backupCoverage(),
  })
  const icons = createIconService({ store: createIconStore(file('icons')), exists: (id) => vault.get(id) !== undefined, useImage: (id) => vault.update({ id, icon: { kind: 'image' } }), log })
  const { backups, restore } = createVaultBackups({
    // The backup password is a keychain item like the accounts': sealed while the app lock is on.
    vault, secrets: lock.secrets, dataDir: deps.dataDir, canChooseFolder: deps.chooseFolder !== undefined, now, log, issues,
    ...(deps.backupFolder ? { defaultFolder: deps.backupFolder } : {}),
    checklist: { state: () => checklist.exportState(), onChange: checklist.onChange },
    settings: () => settings.get(),
    preview: (text, password) => transfer.preview(text, password),
  })
  backupCoverage = () => backups.evidence()
  // One transfer worker thread is kept a while between imports (worker/client.ts).
  const work = deps.transferWorker ? createWorkerCrypto(deps.transferWorker) : null
  const transfer = createTransferService({
    vault, now, log, screen: deps.screen ?? null,
    // The QR decoder (zxing-wasm) loads on the first scan, not at start-up.
    decodeQr: async (bytes) => (await import('./qr/decode')).decodeQrImage(bytes),
    recordBackup: async (at, accounts) => {
      await checklist.recordBackup(at, accounts.map((a) => a.id))
      await backups.recordExport(at, { accounts, checklist: checklist.exportState() })
    },
    extras: () => ({ settings: settings.get(), checklist: checklist.exportState() }),
    restoreChecklist: async (state, ids) => {
      const restored = await checklist.importState(state, ids)
      if (!restored.ok) log.warn(`backup checklist not restored: ${restored.error.message}`)
      // A backup from before 0.2 keeps regions in its checklist.
      await checklist.moveRegionsToAccounts()
    },
    ...(work ? { work } : {}),
    onProgress: (progress) => bus.emit('transfer.progress', progress),
    onAdding: (progress) => bus.emit('transfer.adding', progress),
  })
  const tray = createTrayService({
    accounts: () => vault.accounts(), keychainState: () => vault.status().state, retryKeychain: () => vault.retry(),
    missingKeyIds: () => vault.status().missingSecrets.map((a) => a.id), sort: () => settings.get().sort,
    appLocked: () => lock.isLocked(), clockStatus: () => clock.status(), now, platform, copyCode: (id) => copyCode(id), checkClock: () => clock.check(),
    openWindow: () => deps.shell?.openWindow(), quit: () => deps.shell?.quit(), backupStatus: () => backups.status(),
  })

  const autoLock = createAutoLock({ idleSeconds: deps.idleSeconds ?? (() => 0), settings: () => settings.get(), unlocked: () => lock.status().state === 'unlocked', lock: (reason) => void lock.lock(reason), ...(deps.idlePollMs ? { pollMs: deps.idlePollMs } : {}) })
  const changes = followChanges({ bus, settings, clock, codes, vault, checklist, tray, backups, lock, clipboard }, deps.startQuietMs)
  const dispatch = createDispatch(allHandlers({ app: deps, now, settings, vault, icons, codes, copyCode, tray, checklist, transfer, backups, restore, issues, clock, lock, chooseFolder: deps.chooseFolder, openTimeSettings: deps.openTimeSettings }), log)
  const { ready, dispose } = startServices({ log, vault, checklist, icons, backups, clock, codes, clipboard, autoLock })
  return { dispatch, bus, settings, issues, vault, clock, tray, backups, lock, autoLock, ready, dispose: async () => (changes.stop(), work?.close(), await dispose(), await clockStore.close()) }
}
