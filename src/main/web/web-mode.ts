/**
 * Web mode (`npm run web`): the same services as the desktop app, with
 * plain Node adapters, behind a loopback WebSocket. Loaded by the entry
 * (index.ts, built to out/main/web.js) once the keychain worker is starting.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { installCrashGuard } from '../core/crash-guard'
import { createConsoleLogger } from '../core/log'
import { defaultDataDir } from './paths'
import { createMemoryClipboard } from '../../shared/clipboard-guard'
import { createImportScreenCapture } from '../qr/screen-capture'
import { createServices } from '../services'
import { createIdleSource } from './idle-source'
import { createStandInTouchId } from './stand-in-touch-id'
import { createKeychainClient, keychainTimeouts } from '../vault/keychain-client'
import { osLockState } from '../vault/secret-service-lock'
import type { StartKeychainProcess } from '../vault/keychain-process'
import { startWebServer } from './server'

declare const __APP_VERSION__: string

export type WebModeStart = Readonly<{
  /** The keychain worker the entry started first thing (vault/keychain-process.ts startEarly). */
  keychain: StartKeychainProcess
  /** out/main, where the entry and the workers were built (this file is a chunk below it). */
  builtDir: string
}>

export async function runWebMode({ keychain, builtDir }: WebModeStart): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.SELLERGUARD_PORT ?? '0' },
      'data-dir': { type: 'string', default: process.env.SELLERGUARD_DATA_DIR ?? defaultDataDir() },
    },
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got ${values.port}`)
  const log = createConsoleLogger('sellerguard-web')
  // A timer or event callback that throws is logged; web mode carries on (core/crash-guard.ts).
  installCrashGuard(log)
  // No OS clipboard API in plain Node: web mode keeps copies in memory (the browser tab shows the code).
  const clipboard = createMemoryClipboard()
  const testHooks = process.env.SELLERGUARD_TEST_HOOKS === '1'
  // keytar runs in its own process (out/main/keychain-worker.js): a keychain that crashes or hangs cannot take this one down.
  const secrets = createKeychainClient({
    start: keychain,
    log,
    ...osLockState(process.platform),
    // A separate keychain service only for tests and side-by-side profiles; users never set it.
    ...(process.env.SELLERGUARD_KEYCHAIN_SERVICE ? { service: process.env.SELLERGUARD_KEYCHAIN_SERVICE } : {}),
    ...keychainTimeouts(process.env),
  })
  // No system idle time in plain Node: idle counts from the last request of any tab (web/idle-source.ts).
  const idle = createIdleSource(Date.now)
  // e2e only: Touch ID cannot run here; a stand-in drives the quick-unlock screens (web/stand-in-touch-id.ts).
  const touchId = testHooks && process.env.SELLERGUARD_TEST_TOUCH_ID === '1' ? createStandInTouchId() : null
  const services = await createServices({
    dataDir: path.resolve(values['data-dir']),
    appVersion: __APP_VERSION__,
    platform: process.platform,
    runtime: 'web',
    // Built beside the entry by electron-vite (electron.vite.config.ts).
    transferWorker: path.join(builtDir, 'transfer-worker.js'),
    now: Date.now,
    log,
    secrets,
    clipboard,
    // The X display named by DISPLAY (ImageMagick's import), where there is one.
    screen: process.env.DISPLAY ? createImportScreenCapture() : null,
    idleSeconds: () => idle.seconds(),
    ...(touchId ? { quickUnlock: touchId.port } : {}),
    // Loopback test servers need no 2 s spacing between samples; real ones do.
    ...(process.env.SELLERGUARD_NTP_SPACING_MS ? { clockCheckOptions: { sampleSpacingMs: Number(process.env.SELLERGUARD_NTP_SPACING_MS) } } : {}),
  })
  const server = await startWebServer({
    rendererDir: path.join(builtDir, '../renderer'),
    dispatch: (method, input) => (idle.touch(), services.dispatch(method, input)),
    bus: services.bus,
    log,
    port,
    // Only for e2e: lets a test read what was copied. Off unless the environment asks for it.
    ...(testHooks ? { testHooks: { clipboard: () => clipboard.text, idle: (seconds: number) => (idle.pretend(seconds), services.autoLock.check()), ...(touchId ? { touchId: touchId.answer } : {}) } } : {}),
  })
  // One machine-readable line first (the e2e fixture reads it), then the human one.
  process.stdout.write(`SELLERGUARD_URL=${server.url}\n`)
  // e2e only: the link's code is spent by the first tab, so the test hooks get a session token of their own.
  if (testHooks) process.stdout.write(`SELLERGUARD_TEST_TOKEN=${server.token}\n`)
  process.stdout.write(`SellerGuard web mode is running. Open this address in a browser on this computer (the link works once: the tab that opens it stays connected, reloads included):\n  ${server.url}\n`)
  // Ctrl+C reaches npm, sh and this process at once, and npm may pass it on again: stop once.
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    void server
      .close()
      .then(() => services.dispose())
      .then(() => secrets.close())
      .finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
