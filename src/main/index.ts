/**
 * Composition root of the desktop app: Electron's lifecycle, the hardened
 * window, and the plain-Node services wired to Electron adapters. Everything
 * with logic lives in services; this file only connects them.
 */
import { app, type BrowserWindow, globalShortcut, type Tray } from 'electron'
import path from 'node:path'
import { installCrashGuard } from './core/crash-guard'
import { createConsoleLogger } from './core/log'
import { electronClipboard } from './electron/clipboard'
import { hardenApp, denyPermissions } from './electron/hardening'
import { forwardEvents, registerIpc } from './electron/ipc'
import { notify } from './electron/notify'
import { onLockEvents, systemIdleSeconds } from './electron/power-events'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './electron/protocol'
import { registerQuickPick } from './electron/quick-pick'
import { electronScreenCapture } from './electron/screen-capture'
import { protectWindows } from './electron/screen-privacy'
import { applyStartAtLogin } from './electron/start-at-login'
import { onResume, openTimeSettings } from './electron/system'
import { touchIdQuickUnlock } from './electron/touch-id'
import { createAppTray } from './electron/tray'
import { createMainWindow } from './electron/window'
import { WindowState } from './electron/window-state'
import { createAppUrlCheck } from './security/app-url'
import { createServices, START_QUIET_MS } from './services'
import { FILE_POLICIES } from './storage/file-policy'
import { createStoredFile } from './storage/stored-file'
import { utilityKeychainProcess } from './electron/keychain-process'
import { createKeychainClient } from './vault/keychain-client'
import { chooseFolder } from './electron/choose-folder'
import { defaultBackupFolder } from './platform/backup-folder'
import { osLockState } from './vault/secret-service-lock'
import type { Settings } from '../shared/contract'

// Web mode sizes V8's heap for memory (package.json web:start: `--optimize-for-size`, a 2 MB young
// generation). The desktop main process does not: Electron's js-flags switch reaches only the renderers,
// and Node documents changing V8 flags once the VM runs (v8.setFlagsFromString) as able to crash or lose
// data. Where it is wanted, the flags go on Electron's own command line (`--js-flags`) when it starts.
const log = createConsoleLogger()
// A timer or event callback that throws is logged; the app carries on (core/crash-guard.ts).
installCrashGuard(log)
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const appUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`
const isAppUrl = createAppUrlCheck(appUrl)

// Test and side-by-side overrides, for unpackaged runs only: an installed app always uses the
// user's own data folder and keychain items, whatever its environment says.
const overrides = app.isPackaged ? {} : { dataDir: process.env.SELLERGUARD_DATA_DIR, keychainService: process.env.SELLERGUARD_KEYCHAIN_SERVICE, idlePollMs: process.env.SELLERGUARD_IDLE_POLL_MS }
if (overrides.dataDir) app.setPath('userData', path.resolve(overrides.dataDir))
app.enableSandbox()
registerAppScheme()
hardenApp(isAppUrl)

let mainWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })
  void app.whenReady().then(start).catch((error: unknown) => {
    log.error('start-up failed', error)
    app.exit(1)
  })
}

let quitting = false

async function start(): Promise<void> {
  denyPermissions()
  serveRenderer(path.join(__dirname, '../renderer'))
  const dataDir = app.getPath('userData')
  const resources = path.join(__dirname, '../../resources')
  // keytar runs in a utility process (out/main/keychain-worker.js): a keychain that crashes or hangs cannot take the app down.
  const secrets = createKeychainClient({
    start: utilityKeychainProcess(path.join(__dirname, 'keychain-worker.js')),
    log,
    ...osLockState(process.platform),
    ...(overrides.keychainService ? { service: overrides.keychainService } : {}),
  })
  const services = await createServices({
    dataDir,
    appVersion: app.getVersion(),
    platform: process.platform,
    runtime: 'electron',
    // Built beside this file by electron-vite; in the package it is unpacked
    // from the asar (electron-builder.yml asarUnpack): worker threads load from disk.
    transferWorker: path.join(__dirname, 'transfer-worker.js').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`),
    now: Date.now,
    log,
    secrets,
    clipboard: electronClipboard,
    openTimeSettings,
    screen: electronScreenCapture,
    shell: { openWindow: () => void showWindow(), quit: () => app.quit() },
    backupFolder: defaultBackupFolder({ platform: process.platform, home: app.getPath('home'), env: process.env, documents: app.getPath('documents') }),
    chooseFolder: () => chooseFolder(mainWindow, app.getPath('documents')),
    idleSeconds: systemIdleSeconds,
    quickUnlock: touchIdQuickUnlock(),
    // The window paints the first codes before the tray, the checklist and the orphan check do their start-up work.
    startQuietMs: START_QUIET_MS,
    ...(overrides.idlePollMs ? { idlePollMs: Number(overrides.idlePollMs) } : {}),
  })
  registerIpc(services.dispatch, isAppUrl)
  forwardEvents(services.bus)
  onResume(() => services.clock.notifyResume())
  // The app lock: screen lock and suspend may lock it (auto-lock's settings decide); every window is kept out of screen captures.
  onLockEvents((event) => services.autoLock.systemEvent(event))
  const protect = protectWindows(() => services.settings.get().contentProtection)

  const openWindow = async () => {
    mainWindow = await createMainWindow({
      preload: path.join(__dirname, '../preload/index.js'),
      url: appUrl,
      icon: path.join(resources, 'icon.png'),
      stateFile: createStoredFile({ path: path.join(dataDir, 'window-state.json'), schema: WindowState, version: 1, policy: FILE_POLICIES.windowState, issues: services.issues }),
      // Close to tray: hide instead of closing, unless the app is quitting.
      shouldHideOnClose: () => !quitting && services.settings.get().closeToTray && tray !== null,
    })
    mainWindow.on('closed', () => (mainWindow = null))
    mainWindow.on('hide', () => services.autoLock.systemEvent('hidden'))
    mainWindow.on('minimize', () => services.autoLock.systemEvent('hidden'))
  }
  const showWindow = async () => {
    if (!mainWindow) await openWindow()
    mainWindow?.show()
    mainWindow?.focus()
    return mainWindow
  }

  // The tray can be missing (some Linux desktops have no status area): the app then just quits on close.
  let tray: Tray | null = null
  try {
    tray = createAppTray(services.tray, path.join(resources, 'tray'))
  } catch (e) {
    log.warn('no tray icon on this desktop', e)
  }
  services.tray.onNotice((notice) => notify(notice.title, notice.body))
  services.tray.onCopyNotice((notice) => notify(notice.title, notice.body))

  const applyDesktopSettings = (settings: Settings) => {
    void applyStartAtLogin(settings.startAtLogin, log)
    registerQuickPick(settings.quickPickShortcut, () => (void showWindow(), mainWindow), () => services.bus.emit('app.quickPick', {}), log)
  }
  applyDesktopSettings(services.settings.get())
  let last = services.settings.get()
  services.settings.onChange((next) => {
    if (next.startAtLogin !== last.startAtLogin || next.quickPickShortcut !== last.quickPickShortcut) applyDesktopSettings(next)
    if (next.contentProtection !== last.contentProtection) protect(next.contentProtection)
    last = next
  })

  // Started at login with --hidden: stay in the tray until asked.
  if (!(process.argv.includes('--hidden') && tray)) await openWindow()

  app.on('activate', () => void showWindow())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !(tray && services.settings.get().closeToTray)) app.quit()
  })
  app.on('before-quit', () => (quitting = true))
  // Quitting waits for the services to finish (a waiting automatic backup is written first), then quits for real.
  let disposed = false
  app.on('will-quit', (event) => {
    globalShortcut.unregisterAll()
    if (disposed) return
    event.preventDefault()
    void services.dispose().finally(() => {
      disposed = true
      secrets.close()
      app.quit()
    })
  })
}
