import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { defaultSettings, eventNames, methodNames } from '../src/shared/contract'
import { createElectronStandIn, FakeContents, requireWithElectron } from './electron-stand-in'

const MAIN = path.resolve(__dirname, '../out/main/index.js')
const PRELOAD = path.resolve(__dirname, '../out/preload/index.js')

/**
 * Electron cannot run here, so this loads the BUILT main bundle with a
 * recording stand-in for `electron` and checks what the real one would be
 * given. Run `npm run build` first (npm test does).
 */
describe('composition root (built out/main/index.js)', () => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'sg-root-'))
  // Tests talk to loopback only: point the clock check at a port where nothing answers.
  writeFileSync(path.join(userData, 'settings.json'), JSON.stringify({ schemaVersion: 1, data: { ...defaultSettings, ntpServers: ['127.0.0.1:9'], httpsTimeFallback: false } }))
  const { electron, record } = createElectronStandIn(userData)

  beforeAll(async () => {
    expect(existsSync(MAIN), `${MAIN} is missing: run npm run build`).toBe(true)
    delete process.env.ELECTRON_RENDERER_URL
    delete process.env.SELLERGUARD_DATA_DIR
    // The idle time is read every 100 ms here (10 s in the app), so the auto-lock test need not wait.
    process.env.SELLERGUARD_IDLE_POLL_MS = '100'
    try {
      requireWithElectron(MAIN, electron)
      await vi.waitFor(() => expect(record.windows[0]?.loadedUrl).toBeTruthy(), { timeout: 10_000 })
    } finally {
      delete process.env.SELLERGUARD_IDLE_POLL_MS
    }
  })

  it('takes the single-instance lock and forces the sandbox for every renderer', () => {
    expect(record.calls).toContain('app.requestSingleInstanceLock')
    expect(record.calls).toContain('app.enableSandbox')
  })

  it('runs keytar only in a utility process: the main bundle never loads it', async () => {
    // Forked at the vault's first keychain call, which may come after the window has loaded (a loaded machine).
    await vi.waitFor(() => expect(record.calls).toContain('utilityProcess.fork keychain-worker.js'), { timeout: 10_000 })
    const bundles = [MAIN, ...readdirSync(path.join(path.dirname(MAIN), 'chunks')).map((f) => path.join(path.dirname(MAIN), 'chunks', f))]
    for (const file of bundles) expect(readFileSync(file, 'utf8'), file).not.toMatch(/require\(["']keytar["']\)|import\(["']keytar["']\)/)
    expect(readFileSync(path.join(path.dirname(MAIN), 'keychain-worker.js'), 'utf8')).toMatch(/["']keytar["']/)
    // The vault reached the keychain through it: the probe answered, the keychain is ready.
    const status = record.ipcHandlers.get('api:vault.status')!
    await vi.waitFor(async () => expect(await status({ senderFrame: { url: 'app://sellerguard/index.html' } }, undefined)).toMatchObject({ value: { state: 'ready' } }))
  })

  it('re-checks the clock when the computer wakes up', () => {
    expect(record.calls).toContain('powerMonitor.on resume')
  })

  it('shows a tray icon whose menu is built from the tray model, and registers the quick-pick shortcut', () => {
    expect(record.calls).toContain('new Tray')
    const menu = record.trayMenus.at(-1) as Array<{ label?: string }>
    expect(menu.map((i) => i.label)).toEqual(expect.arrayContaining(['Check clock now', 'Open SellerGuard', 'Quit']))
    expect(record.calls).toContain('globalShortcut CommandOrControl+Shift+K')
  })

  it('closing the window with close-to-tray on hides it instead', async () => {
    const update = record.ipcHandlers.get('api:settings.update')!
    await update({ senderFrame: { url: 'app://sellerguard/index.html' } }, { closeToTray: true })
    const window = record.windows[0]!
    let prevented = false
    window.emit('close', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
  })

  it('automatic backups default to Documents/SellerGuard Backups, with the system folder picker', async () => {
    const status = (await record.ipcHandlers.get('api:backup.status')!({ senderFrame: { url: 'app://sellerguard/index.html' } }, undefined)) as { ok: boolean; value: { folder: string; folderIsDefault: boolean; canChooseFolder: boolean } }
    expect(status).toMatchObject({ ok: true, value: { folder: path.join('/nonexistent/documents', 'SellerGuard Backups'), folderIsDefault: true, canChooseFolder: true } })
  })

  it('opens one window with isolated, sandboxed, Node-free web preferences', () => {
    expect(record.windows).toHaveLength(1)
    const prefs = record.windows[0]!.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    })
    expect(prefs.preload).toBe(path.resolve(__dirname, '../out/preload/index.js'))
    expect(record.windows[0]!.loadedUrl).toBe('app://sellerguard/index.html')
  })

  it('serves the renderer from a privileged app:// scheme with a strict CSP', async () => {
    expect(record.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])
    const handler = record.protocolHandlers.get('app')!
    const page = await handler(new Request('app://sellerguard/index.html'))
    expect(page.status).toBe(200)
    const csp = page.headers.get('content-security-policy') ?? ''
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]))
    expect(directives['default-src']).toEqual(["'none'"])
    expect(directives['script-src']).toEqual(["'self'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(directives['frame-ancestors']).toEqual(["'none'"])
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
    expect(await page.text()).toContain('<div id="root">')
    expect((await handler(new Request('app://sellerguard/../main/index.js'))).status).toBe(404)
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404)
  })

  it('denies new windows, navigation away, redirects and webviews for every web contents', () => {
    const contents = new FakeContents()
    record.appEvents.emit('web-contents-created', {}, contents)
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: 'app://sellerguard/index.html' })).toEqual({ action: 'deny' })
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(contents.fire('will-navigate', 'app://sellerguard/index.html')).toBe(false)
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true)
    expect(contents.fire('will-attach-webview')).toBe(true)
    // The real window got the same treatment.
    expect(record.windows[0]!.webContents.windowOpenHandler?.({ url: 'https://x.example' })).toEqual({ action: 'deny' })
  })

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      record.permissionRequestHandler?.({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(record.permissionCheckHandler?.({}, permission)).toBe(false)
    }
    expect(record.deviceHandler?.({})).toBe(false)
  })

  it('registers exactly one IPC handler per contract method, and nothing else', () => {
    expect([...record.ipcHandlers.keys()].sort()).toEqual(methodNames.map((m) => `api:${m}`).sort())
    expect([...record.ipcHandleCount.values()].every((n) => n === 1)).toBe(true)
  })

  it('IPC handlers validate payloads and refuse frames that are not the app', async () => {
    const fromApp = { senderFrame: { url: 'app://sellerguard/index.html' } }
    const info = record.ipcHandlers.get('api:app.info')!
    expect(await info(fromApp, undefined)).toMatchObject({ ok: true, value: { name: 'SellerGuard', runtime: 'electron', version: '0.0.0-test' } })
    expect(await info({ senderFrame: { url: 'https://evil.example/' } }, undefined)).toMatchObject({ ok: false, error: { kind: 'invalid-request' } })
    const get = record.ipcHandlers.get('api:accounts.get')!
    expect(await get(fromApp, { id: 7 })).toMatchObject({ ok: false, error: { kind: 'invalid-request' } })
    expect(await get(fromApp, { id: 'missing-account' })).toMatchObject({ ok: false, error: { kind: 'not-found' } })
  })

  it('keeps every window out of screen captures, as the setting says', async () => {
    expect(record.windows[0]!.contentProtection).toBe(true)
    const update = record.ipcHandlers.get('api:settings.update')!
    await update({ senderFrame: { url: 'app://sellerguard/index.html' } }, { contentProtection: false })
    expect(record.windows[0]!.contentProtection).toBe(false)
    await update({ senderFrame: { url: 'app://sellerguard/index.html' } }, { contentProtection: true })
    expect(record.windows[0]!.contentProtection).toBe(true)
  })

  it('the app lock follows powerMonitor: screen lock, suspend, and the system idle time', async () => {
    const fromApp = { senderFrame: { url: 'app://sellerguard/index.html' } }
    const ipc = (method: string, input?: unknown) => record.ipcHandlers.get(`api:${method}`)!(fromApp, input) as Promise<{ ok: boolean; value?: { state: string; lockedBy: string | null } }>
    const password = 'correct horse battery'
    expect(await ipc('lock.enable', { password })).toMatchObject({ ok: true, value: { state: 'unlocked' } })
    // Linux: no Touch ID, password only.
    expect((await ipc('lock.status')).value).toMatchObject({ quickUnlock: { kind: null, available: false } })
    for (const [event, reason] of [['lock-screen', 'screen-lock'], ['suspend', 'suspend']] as const) {
      record.power.emit(event)
      await vi.waitFor(async () => expect((await ipc('lock.status')).value).toMatchObject({ state: 'locked', lockedBy: reason }))
      expect(await ipc('codes.frames')).toMatchObject({ ok: false, error: { kind: 'locked' } })
      expect(await ipc('lock.unlock', { password })).toMatchObject({ ok: true, value: { state: 'unlocked' } })
    }
    record.windows[0]!.emit('minimize')
    expect((await ipc('lock.status')).value).toMatchObject({ state: 'unlocked' })
    record.idleSeconds = 6 * 60
    await vi.waitFor(async () => expect((await ipc('lock.status')).value).toMatchObject({ state: 'locked', lockedBy: 'idle' }), { timeout: 5_000 })
    record.idleSeconds = 0
    expect((record.trayMenus.at(-1) as Array<{ label?: string }>).map((i) => i.label)).toEqual(['Unlock SellerGuard…'])
    expect(await ipc('lock.unlock', { password })).toMatchObject({ ok: true })
    expect(await ipc('lock.disable', { password })).toMatchObject({ ok: true, value: { state: 'off' } })
  }, 30_000)

  it('pushes contract events to the window', async () => {
    const update = record.ipcHandlers.get('api:settings.update')!
    await update({ senderFrame: { url: 'app://sellerguard/index.html' } }, { theme: 'dark' })
    expect(record.windows[0]!.webContents.sent).toContainEqual(['event:settings.changed', expect.objectContaining({ theme: 'dark' })])
  })
})

describe('composition root, packaged (app.isPackaged)', () => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'sg-root-packaged-'))
  writeFileSync(path.join(userData, 'settings.json'), JSON.stringify({ schemaVersion: 1, data: { ...defaultSettings, ntpServers: ['127.0.0.1:9'] } }))
  const { electron, record } = createElectronStandIn(userData, { isPackaged: true })

  beforeAll(async () => {
    process.env.SELLERGUARD_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'sg-root-ignored-'))
    process.env.SELLERGUARD_KEYCHAIN_SERVICE = 'SellerGuardIgnored'
    // A second copy of the bundle, with the packaged stand-in.
    for (const key of Object.keys(require.cache)) if (key.startsWith(path.dirname(MAIN))) delete require.cache[key]
    try {
      requireWithElectron(MAIN, electron)
      await vi.waitFor(() => expect(record.utilityMessages.length).toBeGreaterThan(0), { timeout: 10_000 })
    } finally {
      delete process.env.SELLERGUARD_DATA_DIR
      delete process.env.SELLERGUARD_KEYCHAIN_SERVICE
    }
  })

  it('ignores SELLERGUARD_DATA_DIR and SELLERGUARD_KEYCHAIN_SERVICE: an installed app uses the user\'s own data and keychain items', () => {
    expect(record.calls.filter((c) => c.startsWith('app.setPath'))).toEqual([])
    const services = new Set(record.utilityMessages.map((m) => (m as { service?: string }).service))
    expect([...services]).toEqual(['SellerGuard'])
  })
})

describe('preload (built out/preload/index.js)', () => {
  const { electron, record } = createElectronStandIn(os.tmpdir())
  beforeAll(() => {
    expect(existsSync(PRELOAD), `${PRELOAD} is missing: run npm run build`).toBe(true)
    requireWithElectron(PRELOAD, electron)
  })

  it('exposes exactly window.sellerguard: the contract areas and on()', () => {
    expect([...record.exposed.keys()]).toEqual(['sellerguard'])
    const api = record.exposed.get('sellerguard') as Record<string, Record<string, unknown>>
    const areas = [...new Set(methodNames.map((m) => m.split('.')[0]!))]
    expect(Object.keys(api).sort()).toEqual([...areas, 'on'].sort())
    for (const name of methodNames) {
      const [area, verb] = name.split('.') as [string, string]
      expect(typeof api[area]![verb]).toBe('function')
    }
  })

  it('maps methods to their IPC channel and events to listeners it can remove', async () => {
    const api = record.exposed.get('sellerguard') as {
      settings: { update: (i: unknown) => Promise<unknown> }
      on: (e: string, cb: (p: unknown) => void) => () => void
    }
    await api.settings.update({ theme: 'light' })
    expect(record.invoked).toContainEqual(['api:settings.update', { theme: 'light' }])
    const seen: unknown[] = []
    const off = api.on(eventNames[0]!, (p) => seen.push(p))
    const listeners = record.rendererListeners.get(`event:${eventNames[0]}`)!
    listeners[0]!({}, { hello: 1 })
    expect(seen).toEqual([{ hello: 1 }])
    off()
    expect(record.rendererListeners.get(`event:${eventNames[0]}`)).toEqual([])
    expect(() => api.on('ipc:anything', () => undefined)).toThrow(/unknown event/)
  })
})
