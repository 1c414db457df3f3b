/**
 * Web mode's services: the same as the desktop app's (services.ts), with
 * plain Node adapters. A chunk of its own, loaded by web-mode.ts once the
 * server is listening and its address is printed: the browser loads the
 * page while these load and start.
 */
import path from 'node:path'
import type { ClipboardPort } from '../../shared/clipboard-guard'
import type { Logger } from '../core/log'
import type { QuickUnlockPort } from '../lock/quick-unlock'
import { createImportScreenCapture } from '../qr/screen-capture'
import { createServices, START_QUIET_MS, type Services } from '../services'
import { createKeychainClient, keychainTimeouts, type KeychainClient } from '../vault/keychain-client'
import type { StartKeychainProcess } from '../vault/keychain-process'
import { osLockState } from '../vault/secret-service-lock'

declare const __APP_VERSION__: string

export type WebServicesOptions = Readonly<{
  dataDir: string
  /** The keychain worker the entry started first thing (vault/keychain-process.ts startEarly). */
  keychain: StartKeychainProcess
  /** out/main, where the entry and the workers were built. */
  builtDir: string
  log: Logger
  clipboard: ClipboardPort
  idleSeconds: () => number
  quickUnlock: QuickUnlockPort | null
}>

export type WebServices = Readonly<{ services: Services; secrets: KeychainClient }>

export async function startWebServices(options: WebServicesOptions): Promise<WebServices> {
  const { log } = options
  // keytar runs in its own process (out/main/keychain-worker.js): a keychain that crashes or hangs cannot take this one down.
  const secrets = createKeychainClient({
    start: options.keychain,
    log,
    ...osLockState(process.platform),
    // A separate keychain service only for tests and side-by-side profiles; users never set it.
    ...(process.env.SELLERGUARD_KEYCHAIN_SERVICE ? { service: process.env.SELLERGUARD_KEYCHAIN_SERVICE } : {}),
    ...keychainTimeouts(process.env),
  })
  const services = await createServices({
    dataDir: options.dataDir,
    appVersion: __APP_VERSION__,
    platform: process.platform,
    runtime: 'web',
    // Built beside the entry by electron-vite (electron.vite.config.ts).
    transferWorker: path.join(options.builtDir, 'transfer-worker.js'),
    now: Date.now,
    log,
    secrets,
    clipboard: options.clipboard,
    // The X display named by DISPLAY (ImageMagick's import), where there is one.
    screen: process.env.DISPLAY ? createImportScreenCapture() : null,
    idleSeconds: options.idleSeconds,
    // The tab paints the first codes before the tray, the checklist and the orphan check do their start-up work.
    startQuietMs: START_QUIET_MS,
    ...(options.quickUnlock ? { quickUnlock: options.quickUnlock } : {}),
    // Loopback test servers need no 2 s spacing between samples; real ones do.
    ...(process.env.SELLERGUARD_NTP_SPACING_MS ? { clockCheckOptions: { sampleSpacingMs: Number(process.env.SELLERGUARD_NTP_SPACING_MS) } } : {}),
  })
  return { services, secrets }
}
