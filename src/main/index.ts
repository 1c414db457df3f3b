/**
 * Composition root of the desktop app: Electron's lifecycle, the hardened
 * window, and the plain-Node services wired to Electron adapters. Everything
 * with logic lives in services; this file only connects them.
 */
import { app, BrowserWindow } from 'electron'
import path from 'node:path'
import { electronClipboard } from './electron/clipboard'
import { hardenApp, denyPermissions } from './electron/hardening'
import { forwardEvents, registerIpc } from './electron/ipc'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './electron/protocol'
import { electronScreenCapture } from './electron/screen-capture'
import { onResume, openTimeSettings } from './electron/system'
import { createMainWindow } from './electron/window'
import { createConsoleLogger } from './log'
import { createAppUrlCheck } from './security/app-url'
import { createServices } from './services'
import { createJsonFile } from './storage/json-file'
import { createKeytarSecretStore } from './vault/secret-store'
import { WindowState } from './window-state'

const log = createConsoleLogger()
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const appUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`
const isAppUrl = createAppUrlCheck(appUrl)

if (process.env.SELLERGUARD_DATA_DIR) app.setPath('userData', path.resolve(process.env.SELLERGUARD_DATA_DIR))
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

async function start(): Promise<void> {
  denyPermissions()
  serveRenderer(path.join(__dirname, '../renderer'))
  const dataDir = app.getPath('userData')
  const services = await createServices({
    dataDir,
    appVersion: app.getVersion(),
    platform: process.platform,
    runtime: 'electron',
    now: Date.now,
    log,
    // A separate keychain service only for tests and side-by-side profiles; users never set it.
    secrets: createKeytarSecretStore(process.env.SELLERGUARD_KEYCHAIN_SERVICE || undefined),
    clipboard: electronClipboard,
    openTimeSettings,
    screen: electronScreenCapture,
  })
  registerIpc(services.dispatch, isAppUrl)
  forwardEvents(services.bus)
  onResume(() => services.clock.notifyResume())

  const openWindow = async () => {
    mainWindow = await createMainWindow({
      preload: path.join(__dirname, '../preload/index.js'),
      url: appUrl,
      icon: path.join(__dirname, '../../resources/icon.png'),
      stateFile: createJsonFile({ path: path.join(dataDir, 'window-state.json'), schema: WindowState, version: 1 }),
    })
    mainWindow.on('closed', () => (mainWindow = null))
  }
  await openWindow()

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => void services.dispose())
}
