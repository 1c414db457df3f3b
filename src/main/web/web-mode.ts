/**
 * Web mode (`npm run web`): the same services as the desktop app, with
 * plain Node adapters, behind a loopback WebSocket. Loaded by the entry
 * (index.ts, built to out/main/web.js) once the keychain worker is starting.
 *
 * The server listens and the address is printed first; the services
 * (web-services.ts, a chunk of their own) load and start after that, while
 * the browser loads the page. Requests that come before they are up wait
 * for them; a tab connected by then hears their events from the start.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { installCrashGuard } from '../core/crash-guard'
import type { EventListener } from '../core/events'
import { createConsoleLogger } from '../core/log'
import { defaultDataDir } from './paths'
import { createMemoryClipboard } from '../../shared/clipboard-guard'
import { createIdleSource } from './idle-source'
import { createStandInTouchId } from './stand-in-touch-id'
import type { StartKeychainProcess } from '../vault/keychain-process'
import { startWebServer } from './server'
import type { WebServices } from './web-services'

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
  // No system idle time in plain Node: idle counts from the last request of any tab (web/idle-source.ts).
  const idle = createIdleSource(Date.now)
  // e2e only: Touch ID cannot run here; a stand-in drives the quick-unlock screens (web/stand-in-touch-id.ts).
  const touchId = testHooks && process.env.SELLERGUARD_TEST_TOUCH_ID === '1' ? createStandInTouchId() : null

  // Settled once the services are up (below, after the address is out); everything the server hands them waits on it.
  let up: (started: WebServices) => void = () => undefined
  let failed: (error: unknown) => void = () => undefined
  const started = new Promise<WebServices>((resolve, reject) => ((up = resolve), (failed = reject)))
  // A start that fails is reported by the entry (index.ts), which exits; nothing waiting on it needs its own handler.
  started.catch(() => undefined)
  const server = await startWebServer({
    rendererDir: path.join(builtDir, '../renderer'),
    dispatch: async (method, input) => (idle.touch(), (await started).services.dispatch(method, input)),
    bus: { subscribe: (listener: EventListener) => subscribeWhenUp(started, listener) },
    log,
    port,
    // Only for e2e: lets a test read what was copied. Off unless the environment asks for it.
    ...(testHooks ? { testHooks: { clipboard: () => clipboard.text, idle: (seconds: number) => (idle.pretend(seconds), void started.then((s) => s.services.autoLock.check())), ...(touchId ? { touchId: touchId.answer } : {}) } } : {}),
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
      .then(() => started)
      .then(({ services, secrets }) => services.dispose().then(() => secrets.close()))
      .finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  try {
    const { startWebServices } = await import('./web-services')
    up(await startWebServices({ dataDir: path.resolve(values['data-dir']), keychain, builtDir, log, clipboard, idleSeconds: () => idle.seconds(), quickUnlock: touchId?.port ?? null }))
  } catch (error) {
    failed(error)
    throw error
  }
}

/** A tab's subscription to the services' events, made as soon as they are up (at once when they are); the returned function ends it. */
function subscribeWhenUp(started: Promise<WebServices>, listener: EventListener): () => void {
  let off: (() => void) | null = null
  let ended = false
  void started.then(
    ({ services }) => void (ended || (off = services.bus.subscribe(listener))),
    () => undefined,
  )
  return () => {
    ended = true
    off?.()
  }
}
