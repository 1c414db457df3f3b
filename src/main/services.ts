import { promises as fs } from 'node:fs'
import path from 'node:path'
import QRCode from 'qrcode'
import { apiError, namesProblem, type AppInfo, type FileData } from '../shared/contract'
import { err, ok } from '../shared/result'
import { createClipboardGuard, type ClipboardPort } from '../shared/clipboard-guard'
import { coalesce } from './core/coalesce'
import { createChecklistService } from './checklist/checklist-service'
import { createClockService, type ClockService } from './clock/clock-service'
import { watchNetwork } from './clock/network-watch'
import type { ClockServiceDeps } from './clock/clock-service'
import { codesAroundFor, expectedCodeFor, trustedOffsetMs } from './clock/codes-around'
import { createClockStore } from './clock/clock-store'
import type { ClockCheckOptions } from './clock/select'
import { createFrameService } from './codes/frame-service'
import { createDispatch, type Dispatch, type Handlers } from './core/dispatch'
import { createEventBus, type EventBus } from './core/events'
import type { Logger } from './core/log'
import { formatUri } from './otp/uri'
import { decodeQrImage } from './qr/decode'
import type { ScreenCapture } from './qr/screen-capture'
import { createSettingsService, type SettingsService } from './settings/settings-service'
import { createBackupRecord } from './checklist/backup-record'
import { createTransferService } from './transfer/transfer-service'
import { createWorkerCrypto } from './transfer/worker/client'
import { createTrayService, type TrayService } from './tray/tray-service'
import { createAccountStore } from './vault/account-store'
import { checkAccountText, guessKind, parseAccountText } from './otp/key-input'
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
}>

export interface Services {
  dispatch: Dispatch
  bus: EventBus
  settings: SettingsService
  vault: Vault
  clock: ClockService
  tray: TrayService
  /** Resolves once the keychain has been probed and every secret loaded (codes stream in before that). */
  ready: Promise<void>
  dispose(): Promise<void>
}

/** A file from the renderer as main reads it: text as is, anything else as its bytes. */
const fileBytes = (file: FileData): Uint8Array | string => (file.encoding === 'base64' ? new Uint8Array(Buffer.from(file.data, 'base64')) : file.data)

const platformOf = (p: NodeJS.Platform): AppInfo['platform'] => (p === 'darwin' || p === 'win32' || p === 'linux' ? p : 'other')

/**
 * Assembles the plain-Node services behind the contract. Knows nothing of
 * Electron: `src/main/index.ts` and web mode both call this with their own
 * adapters.
 */
export async function createServices(deps: ServiceDeps): Promise<Services> {
  const { log } = deps
  // The data folder is the user's alone (its files are 0600 already): created 0700.
  await fs.mkdir(deps.dataDir, { recursive: true, mode: 0o700 })
  const bus = createEventBus(log)
  const settings = await createSettingsService({ file: path.join(deps.dataDir, 'settings.json'), bus, log })
  const vault = createVault({
    secrets: deps.secrets,
    store: createAccountStore(path.join(deps.dataDir, 'accounts.json')),
    platform: deps.platform,
    now: deps.now,
    log,
    ...(deps.undoWindowMs !== undefined ? { undoWindowMs: deps.undoWindowMs } : {}),
  })
  const clockStore = createClockStore(path.join(deps.dataDir, 'clock.json'), log)
  const clock = createClockService({
    now: deps.now,
    settings: () => settings.get(),
    log,
    restored: await clockStore.load(),
    persist: (state) => clockStore.save(state),
    ...(deps.clockCheckOptions ? { checkOptions: deps.clockCheckOptions } : {}),
    ...(deps.clockHttps ? { https: deps.clockHttps } : {}),
  })
  const clipboard = createClipboardGuard({ clipboard: deps.clipboard, now: deps.now })
  const codes = createFrameService({ vault, now: deps.now, correctionMs: () => clock.correctionMs(), publish: (frames) => bus.emit('codes.frames', frames) })

  const backups = await createBackupRecord(path.join(deps.dataDir, 'backup-state.json'))
  const checklist = await createChecklistService({
    file: path.join(deps.dataDir, 'checklist.json'),
    now: deps.now,
    log,
    accounts: () => vault.accounts(),
    accountsWithKey: () => (vault.status().state === 'ready' && vault.status().loaded >= vault.status().total ? new Set(vault.accounts().filter((a) => vault.key(a.id)).map((a) => a.id)) : null),
    clockState: () => clock.status().state,
    lastBackupAt: backups.lastBackupAt,
  })
  // The checklist's evidence follows the vault, the clock and backups.
  const publishChecklist = coalesce(() => bus.emit('checklist.changed', checklist.view()), 50)
  const transfer = createTransferService({
    vault,
    now: deps.now,
    log,
    decodeQr: decodeQrImage,
    screen: deps.screen ?? null,
    recordBackup: async (at) => {
      await backups.record(at)
      publishChecklist()
    },
    extras: () => ({ settings: settings.get(), checklist: checklist.exportState() }),
    restoreChecklist: async (state, ids) => {
      const view = await checklist.importState(state, ids)
      if (view.ok) bus.emit('checklist.changed', view.value)
      else log.warn(`backup checklist not restored: ${view.error.message}`)
    },
    ...(deps.transferWorker ? { work: createWorkerCrypto(deps.transferWorker) } : {}),
    onProgress: (progress) => bus.emit('transfer.progress', progress),
  })

  // Wiring: every service exists now; events flow once vault.start() and clock.start() run below.
  // Codes follow the clock: a new correction recomputes and pushes every frame.
  clock.onChange((status) => {
    bus.emit('clock.status', status)
    if (!status.checking) publishChecklist()
  })
  clock.onCorrectionChange(() => codes.refresh())
  settings.onChange(() => clock.settingsChanged())
  const stopNetworkWatch = watchNetwork(() => clock.notifyNetworkChange(), { log })
  // Secrets stream in batches at start-up: one code push per burst of vault changes.
  const refreshCodes = coalesce(() => codes.refresh())
  vault.onChange((change) => {
    if (change !== 'keys') publishChecklist()
    if (change === 'status') bus.emit('vault.status', vault.status())
    if (change === 'accounts') bus.emit('accounts.changed', [...vault.accounts()])
    refreshCodes()
  })

  /** Why an existing account has no code right now, as the error the UI shows. */
  const noCode = (id: string) => {
    if (!vault.get(id)) return apiError('not-found', 'That account does not exist.')
    const { state, keychainName } = vault.status()
    return state === 'unavailable' || state === 'not-answering'
      ? apiError('keychain-unavailable', `The code is not available: the ${keychainName} cannot be reached.`)
      : apiError('keychain-locked', `The code is not available: the ${keychainName} is locked or its secret is missing.`)
  }
  const copyCode = async (id: string, which: 'current' | 'next' | 'expected' = 'current') => {
    const frame = codes.frame(id)
    const account = vault.get(id)
    const key = vault.key(id)
    if (!frame || !account || !key) return err(noCode(id))
    const code =
      which === 'expected'
        ? expectedCodeFor(account, key, deps.now(), clock.correctionMs(), trustedOffsetMs(clock.status()))
        : which === 'next' && frame.nextCode
          ? frame.nextCode
          : frame.code
    return ok({ code, clearAt: await clipboard.copy(code, settings.get().clipboardClearSeconds) })
  }
  const tray = createTrayService({
    vault,
    clockStatus: () => clock.status(),
    now: deps.now,
    platform: deps.platform,
    copyCode: (id) => copyCode(id),
    checkClock: () => clock.check(),
    openWindow: () => deps.shell?.openWindow(),
    quit: () => deps.shell?.quit(),
  })
  tray.onMenu((menu) => bus.emit('tray.menu', menu))
  vault.onChange(() => tray.refresh())
  clock.onChange(() => tray.refresh())

  const handlers: Handlers = {
    'app.info': () => ok({ name: 'SellerGuard', version: deps.appVersion, platform: platformOf(deps.platform), runtime: deps.runtime }),
    'settings.get': () => ok(settings.get()),
    'settings.update': (patch) => settings.update(patch),

    'vault.status': () => ok(vault.status()),
    'vault.retry': async () => ok(await vault.retry()),
    'vault.useBackup': async () => ok(await vault.useBackup()),

    'accounts.list': () => ok([...vault.accounts()]),
    'accounts.get': ({ id }) => {
      const account = vault.get(id)
      return account ? ok(account) : err(apiError('not-found', 'That account does not exist.'))
    },
    'accounts.check': ({ text }) => ok(checkAccountText(text)),
    'accounts.add': async (input) => {
      const parsed = parseAccountText(input.text)
      if (!parsed.ok) return err(apiError('invalid-input', parsed.error.message, { field: 'text', ...(parsed.error.position !== null ? { position: parsed.error.position } : {}) }))
      const { account, key } = parsed.value
      const issuer = input.issuer ?? account.issuer
      const label = input.label ?? account.label
      const nameless = namesProblem({ issuer, label })
      if (nameless) return err(nameless)
      return vault.add({ ...account, issuer, label, kind: input.kind ?? guessKind(issuer), group: input.group ?? '' }, key)
    },
    'accounts.update': (patch) => vault.update(patch),
    'accounts.reorder': ({ ids }) => vault.reorder(ids),
    'accounts.remove': ({ id }) => vault.remove(id),
    'accounts.undoRemove': ({ id }) => vault.undoRemove(id),
    'accounts.reveal': async ({ id }) => {
      const key = await vault.reveal(id)
      if (!key.ok) return key
      const uri = formatUri(vault.get(id)!, key.value.base32)
      return ok({ id, secret: key.value.base32, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) })
    },

    'codes.frames': () => ok(codes.frames()),
    'codes.nextHotp': async ({ id }) => {
      const advanced = await vault.advanceCounter(id)
      if (!advanced.ok) return advanced
      const frame = codes.frame(id)
      return frame ? ok(frame) : err(noCode(id))
    },

    'clipboard.copyCode': ({ id, which }) => copyCode(id, which),

    'tray.menu': () => ok(tray.menu()),
    'tray.activate': async ({ id }) => ok(await tray.activate(id)),

    'clock.status': () => ok(clock.status()),
    'clock.check': async () => ok(await clock.check()),
    'clock.history': () => ok(clock.history()),
    'clock.around': ({ id }) => {
      const account = vault.get(id)
      const key = vault.key(id)
      if (!account || !key) return err(noCode(id))
      return ok({ accountId: id, ...codesAroundFor(account, key, deps.now(), clock.correctionMs(), trustedOffsetMs(clock.status())) })
    },
    'checklist.get': () => ok(checklist.view()),
    'checklist.setItem': async (change) => {
      const view = await checklist.setItem(change)
      if (view.ok) bus.emit('checklist.changed', view.value)
      return view
    },
    'checklist.setRegion': async ({ accountId, region }) => {
      const view = await checklist.setRegion(accountId, region)
      if (view.ok) bus.emit('checklist.changed', view.value)
      return view
    },
    'checklist.exportReport': ({ format }) => ok(checklist.exportReport(format)),
    'checklist.recover': async ({ use }) => checklist.recover(use),

    'transfer.preview': ({ file, password, keyFile }) => transfer.preview(fileBytes(file), password, keyFile === undefined ? undefined : new Uint8Array(Buffer.from(keyFile.data, keyFile.encoding === 'base64' ? 'base64' : 'utf8'))),
    'transfer.previewImage': ({ file }) => transfer.previewImage(new Uint8Array(Buffer.from(file.data, file.encoding === 'base64' ? 'base64' : 'utf8'))),
    'transfer.previewScreen': () => transfer.previewScreen(),
    'transfer.confirm': (input) => transfer.confirm(input),
    'transfer.exportBackup': ({ password }) => transfer.exportBackup(password),
    'transfer.exportAegis': ({ password, plain }) => transfer.exportAegis(password, plain),

    'clock.openSettings': async () => ok({ opened: deps.openTimeSettings ? await deps.openTimeSettings() : false }),
  }

  const ready = vault.start().catch((e: unknown) => log.error('vault start failed', e))
  clock.start()

  return {
    dispatch: createDispatch(handlers, log),
    bus,
    settings,
    vault,
    clock,
    tray,
    ready,
    async dispose() {
      clock.stop()
      stopNetworkWatch()
      codes.dispose()
      clipboard.dispose()
      await vault.dispose()
    },
  }
}

