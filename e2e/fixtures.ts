/**
 * The one place that knows how the app is started. Specs import `test` and
 * `expect` from here and never branch on the mode:
 * - `E2E_MODE=electron`: the real app (`out/main/index.js`) via `_electron`.
 * - otherwise (here, CI): web mode, started as the README starts it
 *   (the command line `npm run web` ends in, web:start's), + Debian's Chromium.
 * Every test gets a fresh data folder; the keychain is the session's
 * gnome-keyring (scripts/with-keyring.sh).
 */
import { test as base, expect, _electron, type Page } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startChronyd } from '../test/helpers/chronyd'
import { startPrivateKeyring, type PrivateKeyring } from '../test/helpers/private-keyring'
import { defaultSettings } from '../src/shared/contract'
import { SESSION_TOKEN_KEY } from '../src/shared/wire-protocol'
import { startWebMode as startReadmeWebMode } from '../test/helpers/web-mode.cjs'

export type AppHandle = Readonly<{
  mode: 'electron' | 'web'
  dataDir: string
  /** This test's own keychain service name, so tests never see each other's secrets. */
  keychainService: string
  /** The clipboard the user pastes from: the system's (Electron), the browser's (web mode: the page copies there). */
  clipboardText(): Promise<string>
  /** What main last put on its clipboard (the tray's copies): the system's in Electron, an in-memory one in web mode. */
  mainClipboardText(): Promise<string>
  /**
   * Quits and starts SellerGuard again, on the same data folder and keychain,
   * or with `wipe` on a new empty data folder and keychain (a new computer).
   */
  restart(options?: Readonly<{ wipe?: boolean }>): Promise<void>
  /** Web mode only: the idle time the auto-lock reads next (it checks at once), as if nobody had touched the computer for `seconds`. */
  pretendIdle(seconds: number): Promise<void>
  /** With the `standInTouchId` option (web mode): how the stand-in Touch ID answers its next prompt. */
  answerTouchId(yes: boolean): Promise<void>
  /** With the `ownKeyring` option: this test's own gnome-keyring, to lock and unlock. */
  keyring: PrivateKeyring | null
}>

const ROOT = path.resolve(__dirname, '..')
const MODE: AppHandle['mode'] = process.env.E2E_MODE === 'electron' ? 'electron' : 'web'

type Running = { clipboardText(): Promise<string>; mainClipboardText(): Promise<string>; restart(wipe: boolean): Promise<void>; hook?(route: string): Promise<void> }
type Options = {
  /** A libfaketime offset for the test's NTP server ('+90s'), or null for a correct one. */
  clockSkew: string | null
  /** Run the app on a D-Bus session and gnome-keyring of this test's own (so the test can lock it). */
  ownKeyring: boolean
  /** Start with a time server that never answers instead of the test's chronyd (a clock never measured). */
  deadNtp: boolean
  /** Web mode: a stand-in for Touch ID (src/main/web/stand-in-touch-id.ts), which cannot run here. */
  standInTouchId: boolean
}
type Fixtures = { app: AppHandle; page: Page; ntpServer: string; running: { current: Running | null } }

export const test = base.extend<Fixtures & Options>({
  clockSkew: [null, { option: true }],
  ownKeyring: [false, { option: true }],
  deadNtp: [false, { option: true }],
  standInTouchId: [false, { option: true }],
  // Every test's app checks its clock against a real chronyd on loopback, never the internet.
  ntpServer: async ({ clockSkew }, use) => {
    const chronyd = await startChronyd(clockSkew ? { skew: clockSkew } : {})
    await use(`127.0.0.1:${chronyd.port}`)
    await chronyd.stop()
  },
  running: async ({}, use) => use({ current: null }),
  app: async ({ running, ntpServer, ownKeyring, deadNtp }, use) => {
    const sessionBus = process.env.DBUS_SESSION_BUS_ADDRESS
    const keyring = ownKeyring ? await startPrivateKeyring() : null
    // The app gets the private bus; this worker keeps its own for the next tests.
    const bus = keyring ? keyring.address : sessionBus
    if (keyring) process.env.DBUS_SESSION_BUS_ADDRESS = sessionBus
    const dataDirs: string[] = []
    const fresh = () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'sellerguard-e2e-'))
      writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 1, data: { ...defaultSettings, ntpServers: [deadNtp ? '127.0.0.1:9' : ntpServer], httpsTimeFallback: false } }))
      dataDirs.push(dir)
      return { dataDir: dir, keychainService: `SellerGuardE2E-${randomBytes(6).toString('hex')}` }
    }
    const handle = {
      mode: MODE,
      keyring,
      bus,
      ...fresh(),
      clipboardText: () => {
        if (!running.current) throw new Error('the app is not running')
        return running.current.clipboardText()
      },
      mainClipboardText: () => {
        if (!running.current) throw new Error('the app is not running')
        return running.current.mainClipboardText()
      },
      pretendIdle: async (seconds: number) => {
        if (!running.current?.hook) throw new Error('the idle source is injected in web mode only')
        await running.current.hook(`idle?seconds=${seconds}`)
      },
      answerTouchId: async (yes: boolean) => {
        if (!running.current?.hook) throw new Error('the stand-in Touch ID is in web mode only')
        await running.current.hook(`touch-id?answer=${yes ? 'yes' : 'no'}`)
      },
      async restart(options: Readonly<{ wipe?: boolean }> = {}) {
        if (!running.current) throw new Error('the app is not running')
        if (options.wipe) Object.assign(handle, fresh())
        await running.current.restart(options.wipe ?? false)
      },
    }
    await use(handle)
    keyring?.stop()
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true })
  },
  page: async ({ app, browser, running, standInTouchId }, use) => {
    const env = () => ({
      ...process.env,
      ...(standInTouchId ? { SELLERGUARD_TEST_TOUCH_ID: '1' } : {}),
      SELLERGUARD_DATA_DIR: app.dataDir,
      SELLERGUARD_KEYCHAIN_SERVICE: app.keychainService,
      SELLERGUARD_NTP_SPACING_MS: '10',
      // Tests that freeze their own keyring learn "not answering" in 2 s, not 10.
      ...(app.keyring ? { SELLERGUARD_KEYCHAIN_TIMEOUT_MS: '2000' } : {}),
      ...((app as AppHandle & { bus?: string }).bus ? { DBUS_SESSION_BUS_ADDRESS: (app as AppHandle & { bus?: string }).bus } : {}),
    })
    if (app.mode === 'electron') {
      // The same data folder and keychain service on every launch (env() reads them after a wipe).
      const launch = async () => {
        const electronApp = await _electron.launch({ args: [path.join(ROOT, 'out/main/index.js')], env: env() as Record<string, string> })
        return { electronApp, window: await electronApp.firstWindow() }
      }
      let current = await launch()
      running.current = {
        clipboardText: () => current.electronApp.evaluate(({ clipboard }) => clipboard.readText()),
        mainClipboardText: () => current.electronApp.evaluate(({ clipboard }) => clipboard.readText()),
        async restart() {
          // close() resolves once the process has exited, so its single-instance lock is free again.
          await current.electronApp.close()
          current = await launch()
        },
      }
      await use(followingPage(() => current.window))
      await current.electronApp.close()
      return
    }
    // No display for the server (as on a headless machine): the Add dialog explains why it cannot scan the screen.
    let server = await startWebMode({ ...env(), DISPLAY: '' })
    // As a browser that lets the page write and read back its own copies (the copy spec also tries one that does not).
    const context = await browser.newContext({ colorScheme: 'light', permissions: ['clipboard-read', 'clipboard-write'] })
    const page = await context.newPage()
    /*
     * The link's code is spent by the tab's first connection, whose first frame is the session token
     * the tab keeps for reloads (under SESSION_TOKEN_KEY). A test gets the page once the tab holds it:
     * a spec that reloads at once (to watch a fresh socket) raced that frame and was refused (seen in CI).
     */
    const admitted = () => page.waitForFunction((key) => sessionStorage.getItem(key) !== null, SESSION_TOKEN_KEY)
    running.current = {
      clipboardText: () => page.evaluate(() => navigator.clipboard.readText()),
      mainClipboardText: () => server.clipboardText(),
      hook: (route) => server.hook(route),
      async restart() {
        await server.stop()
        server = await startWebMode({ ...env(), DISPLAY: '' })
        await page.goto(server.url)
        await admitted()
      },
    }
    await page.goto(server.url)
    await admitted()
    await use(page)
    await context.close()
    await server.stop()
  },
})

export { expect }

/**
 * A Page that follows the app across restarts: relaunching Electron opens a
 * new window, and specs keep using the `page` they were given (a locator made
 * after a restart belongs to the new window).
 */
function followingPage(current: () => Page): Page {
  return new Proxy({} as Page, {
    get(_, property) {
      const target = current()
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
}

/** Web mode the README's way (test/helpers/web-mode.cjs), with the e2e hooks (src/main/web/server.ts: TestHooks). */
async function startWebMode(env: NodeJS.ProcessEnv): Promise<{ url: string; stop: () => Promise<void>; clipboardText: () => Promise<string>; hook: (route: string) => Promise<void> }> {
  const server = await startReadmeWebMode({ env: { ...env, SELLERGUARD_PORT: '0', SELLERGUARD_TEST_HOOKS: '1' } })
  const clipboardText = async () => {
    const res = await fetch(`${server.origin}/__test__/clipboard`, { headers: { Authorization: `Bearer ${server.token}` } })
    return res.text()
  }
  const hook = async (route: string) => {
    const res = await fetch(`${server.origin}/__test__/${route}`, { headers: { Authorization: `Bearer ${server.token}` } })
    if (res.status !== 204) throw new Error(`test hook ${route}: ${res.status}`)
  }
  return { url: server.url, stop: server.stop, clipboardText, hook }
}
