import { randomBytes } from 'node:crypto'
import { existsSync, promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { ApiError, defaultSettings, isMethodName, methodNames, methodSpec, type AccountSummary, type MethodName } from '../../src/shared/contract'
import { ClientFrame, TOKEN_PROTOCOL_PREFIX, WIRE_PROTOCOL } from '../../src/shared/wire'
import { createMemoryLogger } from '../../src/main/core/log'
import type { Services } from '../../src/main/services'
import type { SecretStore } from '../../src/main/vault/secret-store'
import { createKeytarSecretStore } from '../helpers/keytar-store'
import { createTestServices } from '../helpers/test-services'
import { DEFAULT_MAX_PAYLOAD, startWebServer, type WebServer } from '../../src/main/web/server'
import { createElectronStandIn, requireWithElectron } from '../electron-stand-in'
import { STRESS } from './support'

const SEED = Number(process.env.HOSTILE_SEED ?? 20_260_101)
const FRAMES = STRESS ? 10_000 : 1_000
const FLOOD = STRESS ? 5_000 : 500
const MAIN = path.resolve(__dirname, '../../out/main/index.js')

/** A frame as the test sends it, and what the server must do with it. */
type Hostile = Readonly<{ raw: string | Buffer; expect: 'close' | 'invalid-request' | 'unknown-method'; method: MethodName | null; input: unknown }>
type Outcome = Readonly<{ kind: 'reply'; reply: { ok: boolean; value?: unknown; error?: unknown } } | { kind: 'close'; code: number }>

// ---- the generator ---------------------------------------------------------

/** Field names the contract's inputs use (from the schemas themselves), plus prototype-pollution keys. */
const fieldNames = [
  ...new Set(
    methodNames.flatMap((m) => {
      const shape = (methodSpec(m).input as unknown as { shape?: Record<string, unknown> }).shape
      return shape ? Object.keys(shape) : []
    }),
  ),
]
const hostileKeys = fc.constantFrom(...fieldNames, '__proto__', 'constructor', 'prototype', 'toString', '', 'x'.repeat(300))
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, '', 'acc_../../etc', '__proto__', '<script>alert(1)</script>', 'otpauth://totp/x?secret=', '\u0000', '💥'.repeat(50)),
  fc.string({ maxLength: 5000 }),
  fc.array(fc.string(), { maxLength: 20 }),
)
/** An object with the method's own field names (and others), each holding whatever. */
const shapedInput = (method: MethodName) => {
  const shape = (methodSpec(method).input as unknown as { shape?: Record<string, unknown> }).shape
  const own = shape ? Object.keys(shape) : []
  const key = own.length > 0 ? fc.oneof(fc.constantFrom(...own), hostileKeys) : hostileKeys
  // Object.fromEntries makes "__proto__" an own key, as JSON.parse does on the other side.
  return fc.array(fc.tuple(key, hostileValue), { maxLength: 6 }).map((entries) => Object.fromEntries(entries) as unknown)
}
const badInputFor = (method: MethodName) =>
  fc.oneof(shapedInput(method), hostileValue).filter((input) => input !== undefined && !methodSpec(method).input.safeParse(input).success)

/** A well-formed frame for a real method whose input breaks that method's schema. */
const schemaViolation = fc
  .constantFrom(...methodNames)
  .chain((method) => fc.tuple(fc.constant(method), badInputFor(method), fc.nat()))
  .map(([method, input, id]): Hostile => ({ raw: JSON.stringify({ id, method, input }), expect: 'invalid-request', method, input: JSON.parse(JSON.stringify(input)) as unknown }))

/** A well-formed frame for a method that does not exist. */
const unknownMethod = fc
  .tuple(
    fc.oneof(
      fc.string({ maxLength: 100 }),
      fc.constantFrom('vault.dumpSecrets', 'accounts.list ', 'ACCOUNTS.LIST', '__proto__', 'constructor', 'accounts.__proto__', 'toString', 'api:accounts.list'),
    ),
    fc.option(hostileValue, { nil: undefined }),
    fc.nat(),
  )
  .filter(([method]) => !isMethodName(method))
  .map(([method, input, id]): Hostile => ({ raw: JSON.stringify(input === undefined ? { id, method } : { id, method, input }), expect: 'unknown-method', method: null, input }))

/** Not a frame at all: the socket is closed (1007) before anything runs. */
const malformedFrame = fc
  .oneof(
    fc.string({ maxLength: 200 }),
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
    fc.record({ id: hostileValue, method: fc.constantFrom(...methodNames) }).map((v) => JSON.stringify(v)),
    fc.record({ id: fc.nat(), method: hostileValue }).map((v) => JSON.stringify(v)),
    fc.tuple(fc.nat(), fc.constantFrom(...methodNames), hostileKeys).map(([id, method, extra]) => `{"id":${id},"method":"${method}","${extra.replace(/["\\]/g, '')}x":1}`),
    fc.tuple(fc.nat(), fc.constantFrom(...methodNames)).map(([id, method]) => `{"id":${id},"method":"${method}","input":`),
    fc.uint8Array({ maxLength: 100 }).map((bytes) => Buffer.from(bytes)),
  )
  .filter((raw) => {
    if (Buffer.isBuffer(raw)) return true
    try {
      return !ClientFrame.safeParse(JSON.parse(raw)).success
    } catch {
      return true
    }
  })
  .map((raw): Hostile => ({ raw, expect: 'close', method: null, input: undefined }))

const hostileFrame = fc.oneof({ arbitrary: schemaViolation, weight: 6 }, { arbitrary: unknownMethod, weight: 2 }, { arbitrary: malformedFrame, weight: 2 })

/** The frames, drawn once from the fixed seed: the web run and the IPC run get exactly the same ones. */
const HOSTILE: readonly Hostile[] = fc.sample(hostileFrame, { seed: SEED, numRuns: FRAMES })

// ---- helpers -----------------------------------------------------------------

/**
 * The data files, except the clock's own record (`clock.json`): every clock
 * check appends to its history by itself, like the checklist's
 * `evaluatedAt`, while a hostile frame never reaches a handler at all.
 */
async function snapshotFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const name of (await fs.readdir(dir)).filter((n) => !n.startsWith('clock.json')).sort()) {
    const full = path.join(dir, name)
    if ((await fs.stat(full)).isFile()) out[name] = (await fs.readFile(full)).toString('base64')
  }
  return out
}

/** The checklist view without the moment it was computed (the only thing that moves by itself). */
const withoutClock = (reply: unknown) => JSON.parse(JSON.stringify(reply), (key, value: unknown) => (key === 'evaluatedAt' ? undefined : value)) as unknown

async function newDataDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix))
  // Tests talk to loopback only: the clock check goes to a port where nothing answers.
  await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 1, data: { ...defaultSettings, ntpServers: ['127.0.0.1:9'], httpsTimeFallback: false } }))
  return dir
}

const KEYS = ['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXE5DFONXWC3TFMFZWK4ZA', 'ONXWC3TFMFZWK4ZAMJQXEY3PMRSSAZLO']

// ---- web mode ------------------------------------------------------------------

describe('a hostile renderer against the real services in web mode', () => {
  let dataDir: string
  let rendererDir: string
  let services: Services
  let server: WebServer
  let secrets: SecretStore
  const log = createMemoryLogger()

  beforeAll(async () => {
    dataDir = await newDataDir('sg-hostile-')
    rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-hostile-renderer-'))
    await fs.writeFile(path.join(rendererDir, 'index.html'), '<div id="root"></div>')
    secrets = createKeytarSecretStore(`SellerGuardHostile-${randomBytes(6).toString('hex')}`)
    services = await createTestServices({ dataDir, log, secrets })
    await services.ready
    for (const [i, text] of KEYS.entries()) {
      const added = await services.dispatch('accounts.add', { text, issuer: `Amazon ${i}`, label: `seller${i}@example.com` })
      expect(added.ok, JSON.stringify(added)).toBe(true)
    }
    await services.dispatch('checklist.setItem', { accountId: (await list())[0]!.id, itemId: 'bank-review', done: true, note: 'checked' })
    await vi.waitFor(async () => expect((await services.dispatch('clock.status', undefined)) as { value: { checking: boolean } }).toMatchObject({ value: { checking: false } }), { timeout: 10_000 })
    server = await startWebServer({ rendererDir, dispatch: services.dispatch, bus: services.bus, log })
  }, 60_000)

  afterAll(async () => {
    await server?.close()
    await services?.dispose()
    await fs.rm(dataDir, { recursive: true, force: true })
    await fs.rm(rendererDir, { recursive: true, force: true })
  })

  const list = async () => ((await services.dispatch('accounts.list', undefined)) as { value: AccountSummary[] }).value
  /** Everything a hostile frame could have changed. */
  const state = async () => ({
    accounts: await list(),
    settings: await services.dispatch('settings.get', undefined),
    vault: await services.dispatch('vault.status', undefined),
    checklist: withoutClock(await services.dispatch('checklist.get', undefined)),
    keychain: (await secrets.list()).map((i) => i.id).sort(),
    files: await snapshotFiles(dataDir),
  })

  function connect(): Promise<WebSocket> {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api`, [WIRE_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${server.token}`], { headers: { Origin: `http://127.0.0.1:${server.port}` } })
    return new Promise((resolve, reject) => (ws.once('open', () => resolve(ws)), ws.once('error', reject)))
  }

  /** Sends one frame and waits for its reply (matched by id) or the socket's close. */
  function outcomeOf(ws: WebSocket, raw: string | Buffer, id: number | null): Promise<Outcome> {
    return new Promise((resolve) => {
      const done = (outcome: Outcome) => {
        ws.off('message', onMessage)
        ws.off('close', onClose)
        resolve(outcome)
      }
      const onMessage = (data: WebSocket.RawData) => {
        const frame = JSON.parse(String(data)) as { id?: number; reply?: { ok: boolean } }
        // Events (codes, clock…) are pushed to every socket: only the reply to this frame counts.
        if (frame.id === undefined || (id !== null && frame.id !== id)) return
        done({ kind: 'reply', reply: frame.reply! })
      }
      const onClose = (code: number) => done({ kind: 'close', code })
      ws.on('message', onMessage)
      ws.on('close', onClose)
      ws.send(raw, { binary: Buffer.isBuffer(raw) })
    })
  }

  it(`${FRAMES} generated hostile frames (seed ${SEED}): each gets a typed error or a close, and nothing changes`, async () => {
    const before = await state()
    let ws = await connect()
    const tally = { 'invalid-request': 0, 'unknown-method': 0, close: 0 }
    for (const [n, frame] of HOSTILE.entries()) {
      const what = `frame ${n} (seed ${SEED}): ${Buffer.isBuffer(frame.raw) ? `binary ${frame.raw.toString('hex')}` : frame.raw.slice(0, 300)}`
      if (ws.readyState !== WebSocket.OPEN) ws = await connect()
      const id = frame.expect === 'close' ? null : (JSON.parse(frame.raw as string) as { id: number }).id
      const outcome = await outcomeOf(ws, frame.raw, id)
      tally[frame.expect]++
      if (frame.expect === 'close') {
        expect(outcome, what).toEqual({ kind: 'close', code: 1007 })
        continue
      }
      expect(outcome.kind, what).toBe('reply')
      const reply = (outcome as Extract<Outcome, { kind: 'reply' }>).reply
      expect(reply.ok, what).toBe(false)
      // A typed error: the contract's own error shape, of the expected kind.
      expect(ApiError.parse(reply.error).kind, what).toBe(frame.expect)
    }
    ws.close()
    console.info(`hostile frames: ${JSON.stringify(tally)}`)
    expect(tally['invalid-request']).toBeGreaterThan(FRAMES / 3)
    expect(tally.close).toBeGreaterThan(0)
    expect(tally['unknown-method']).toBeGreaterThan(0)
    expect(await state()).toEqual(before)
    // No handler ever ran into a stray throw.
    expect(log.lines.filter((l) => /threw|breaks the contract/.test(l))).toEqual([])
  }, 120_000)

  it('oversized and deeply nested payloads: closed or refused, nothing changes, the server keeps serving', async () => {
    const before = await state()
    const id = (await list())[0]!.id
    // Over the socket's limit: closed before parsing.
    let ws = await connect()
    expect(await outcomeOf(ws, JSON.stringify({ id: 1, method: 'settings.update', input: { theme: 'dark', pad: 'x'.repeat(DEFAULT_MAX_PAYLOAD) } }), 1)).toEqual({ kind: 'close', code: 1009 })
    // Under the socket's limit but over the contract's caps: typed refusals.
    ws = await connect()
    const refusals: Array<[string, unknown]> = [
      ['accounts.add', { text: 'A'.repeat(4097), issuer: 'Big' }],
      ['accounts.check', { text: 'A'.repeat(100_000) }],
      ['accounts.update', { id, issuer: 'x'.repeat(201) }],
      ['accounts.reorder', { ids: Array.from({ length: 10_001 }, (_, i) => `acc_${String(i).padStart(8, '0')}`) }],
      ['transfer.confirm', { previewId: 'p', indexes: Array.from({ length: 10_001 }, (_, i) => i) }],
      ['transfer.exportBackup', { password: 'p'.repeat(1025) }],
      ['checklist.setItem', { accountId: id, itemId: 'bank-review', done: true, note: 'n'.repeat(2001) }],
      ['settings.update', { ntpServers: Array.from({ length: 17 }, () => '127.0.0.1') }],
    ]
    for (const [i, [method, input]] of refusals.entries()) {
      const outcome = await outcomeOf(ws, JSON.stringify({ id: 100 + i, method, input }), 100 + i)
      expect(outcome, method).toMatchObject({ kind: 'reply', reply: { ok: false, error: { kind: 'invalid-request' } } })
    }
    // 100,000 levels of nesting.
    const deep = `{"id":200,"method":"settings.update","input":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    expect(await outcomeOf(ws, deep, 200)).toMatchObject({ kind: 'reply', reply: { ok: false, error: { kind: 'invalid-request' } } })
    expect(await outcomeOf(ws, JSON.stringify({ id: 201, method: 'app.info' }), 201)).toMatchObject({ kind: 'reply', reply: { ok: true } })
    ws.close()
    expect(await state()).toEqual(before)
  }, 60_000)

  it(`a flood of ${FLOOD} requests in parallel: every one answered, correctly, by id`, async () => {
    const before = await state()
    const accounts = await list()
    const codes = (await services.dispatch('codes.frames', undefined)) as { value: { frames: Array<{ accountId: string }> } }
    type Ask = { method: string; input?: unknown; check: (reply: { ok: boolean; value?: unknown; error?: { kind: string } }) => void }
    const asks: Ask[] = Array.from({ length: FLOOD }, (_, i): Ask => {
      const account = accounts[i % accounts.length]!
      switch (i % 7) {
        case 0:
          return { method: 'accounts.get', input: { id: account.id }, check: (r) => expect(r).toEqual({ ok: true, value: account }) }
        case 1:
          return { method: 'accounts.check', input: { text: KEYS[i % KEYS.length] }, check: (r) => expect(r).toMatchObject({ ok: true, value: { valid: true, source: 'key' } }) }
        case 2:
          return { method: 'settings.get', check: (r) => expect(r).toMatchObject({ ok: true, value: { ntpServers: ['127.0.0.1:9'] } }) }
        case 3:
          return { method: 'codes.frames', check: (r) => expect((r.value as { frames: unknown[] }).frames).toHaveLength(codes.value.frames.length) }
        case 4:
          return { method: 'accounts.get', input: { id: `acc_missing_${i}` }, check: (r) => expect(r).toMatchObject({ ok: false, error: { kind: 'not-found' } }) }
        case 5:
          return { method: 'accounts.update', input: { id: account.id, issuer: 42 }, check: (r) => expect(r).toMatchObject({ ok: false, error: { kind: 'invalid-request' } }) }
        default:
          return { method: 'app.info', check: (r) => expect(r).toEqual({ ok: true, value: { name: 'SellerGuard', version: '0.0.0-test', platform: 'linux', runtime: 'web', screenCapture: false } }) }
      }
    })
    const sockets = await Promise.all(Array.from({ length: 5 }, () => connect()))
    const replies = new Map<number, { ok: boolean }>()
    const all = new Promise<void>((resolve) => {
      for (const ws of sockets) {
        ws.on('message', (data) => {
          const frame = JSON.parse(String(data)) as { id?: number; reply?: { ok: boolean } }
          if (frame.id === undefined) return
          expect(replies.has(frame.id), `a second reply for ${frame.id}`).toBe(false)
          replies.set(frame.id, frame.reply!)
          if (replies.size === FLOOD) resolve()
        })
      }
    })
    // All sent before any reply is read: ids are unique across the sockets.
    asks.forEach((ask, id) => sockets[id % sockets.length]!.send(JSON.stringify(ask.input === undefined ? { id, method: ask.method } : { id, method: ask.method, input: ask.input })))
    await all
    asks.forEach((ask, id) => ask.check(replies.get(id) as Parameters<Ask['check']>[0]))
    for (const ws of sockets) ws.close()
    expect(await state()).toEqual(before)
  }, 60_000)

  // ---- Electron IPC: the same validation path ---------------------------------

  describe('the same payloads through the Electron IPC handlers (built out/main/index.js)', () => {
    let userData: string
    let record: ReturnType<typeof createElectronStandIn>['record']
    const fromApp = { senderFrame: { url: 'app://sellerguard/index.html' } }
    const invoke = (method: string, input?: unknown) => record.ipcHandlers.get(`api:${method}`)!(fromApp, input) as Promise<{ ok: boolean; value?: unknown; error?: { kind: string } }>
    const ipcState = async () => ({
      accounts: await invoke('accounts.list'),
      settings: await invoke('settings.get'),
      checklist: withoutClock(await invoke('checklist.get')),
      files: await snapshotFiles(userData),
    })

    beforeAll(async () => {
      expect(existsSync(MAIN), `${MAIN} is missing: run npm run build`).toBe(true)
      userData = await newDataDir('sg-hostile-ipc-')
      const standIn = createElectronStandIn(userData)
      record = standIn.record
      delete process.env.ELECTRON_RENDERER_URL
      delete process.env.SELLERGUARD_DATA_DIR
      // Its own keychain service, read by index.ts when it starts.
      process.env.SELLERGUARD_KEYCHAIN_SERVICE = `SellerGuardHostileIpc-${randomBytes(6).toString('hex')}`
      requireWithElectron(MAIN, standIn.electron)
      await vi.waitFor(() => expect(record.ipcHandlers.size).toBe(methodNames.length), { timeout: 10_000 })
      await vi.waitFor(async () => expect(await invoke('vault.status')).toMatchObject({ value: { state: 'ready' } }), { timeout: 10_000 })
      expect(await invoke('accounts.add', { text: KEYS[0], issuer: 'Amazon IPC' })).toMatchObject({ ok: true })
    }, 60_000)

    afterAll(async () => {
      record?.appEvents.emit('will-quit', { preventDefault: () => undefined })
      await fs.rm(userData, { recursive: true, force: true })
    })

    it('every schema-violating payload from the web run gets invalid-request over IPC, and nothing changes', async () => {
      const payloads = HOSTILE.filter((frame) => frame.method !== null)
      expect(payloads.length).toBeGreaterThan(FRAMES / 3)
      const before = await ipcState()
      const kinds = new Map<string, number>()
      for (const frame of payloads) {
        const reply = await invoke(frame.method!, frame.input)
        expect(reply.ok, `${frame.method} ${String(frame.raw).slice(0, 200)}`).toBe(false)
        kinds.set(reply.error!.kind, (kinds.get(reply.error!.kind) ?? 0) + 1)
      }
      expect([...kinds.keys()]).toEqual(['invalid-request'])
      // Oversized for IPC too (no socket limit here: the contract's caps do the work).
      expect(await invoke('transfer.preview', { file: { encoding: 'text', data: 'x'.repeat(24 * 1024 * 1024 + 1) } })).toMatchObject({ ok: false, error: { kind: 'invalid-request' } })
      expect(await invoke('accounts.reorder', { ids: Array.from({ length: 10_001 }, (_, i) => `acc_${String(i).padStart(8, '0')}`) })).toMatchObject({ ok: false, error: { kind: 'invalid-request' } })
      expect(await ipcState()).toEqual(before)
      expect((before.accounts.value as AccountSummary[]).map((a) => a.issuer)).toEqual(['Amazon IPC'])
    }, 60_000)
  })
})
