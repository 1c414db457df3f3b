import { promises as fs } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { apiError, defaultSettings } from '../../shared/contract'
import { err, ok } from '../../shared/result'
import { TOKEN_PROTOCOL_PREFIX, WIRE_PROTOCOL } from '../../shared/wire'
import { createDispatch, type Handlers } from '../core/dispatch'
import { createEventBus } from '../core/events'
import { createMemoryLogger } from '../core/log'
import { startWebServer, type WebServer } from './server'
import { stubHandlers } from '../../../test/helpers/stub-handlers'

const calls: string[] = []
const handlers: Handlers = stubHandlers({
  'app.info': () => (calls.push('app.info'), ok({ name: 'SellerGuard', version: '1.0.0', platform: 'linux', runtime: 'web', screenCapture: false })),
  'settings.get': () => ok(defaultSettings),
  'settings.update': (patch) => (calls.push('settings.update'), ok({ ...defaultSettings, ...patch })),
  'accounts.list': () => ok([]),
  'accounts.get': ({ id }) => err(apiError('not-found', `no ${id}`)),
})

describe('web mode server: a hostile local process gets nothing', () => {
  let server: WebServer
  let rendererDir: string
  const bus = createEventBus()
  const log = createMemoryLogger()

  beforeAll(async () => {
    rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-web-'))
    await fs.writeFile(path.join(rendererDir, 'index.html'), '<div id="root"></div>')
    server = await startWebServer({ rendererDir, dispatch: createDispatch(handlers, log), bus, log, maxPayload: 64 * 1024 })
  })
  afterAll(async () => {
    await server.close()
    await fs.rm(rendererDir, { recursive: true, force: true })
  })

  const origin = () => `http://127.0.0.1:${server.port}`
  type ConnectOptions = { token?: string | null; origin?: string | null; host?: string; path?: string; protocol?: string | null }
  function connect(options: ConnectOptions = {}): WebSocket {
    const protocols = [
      ...(options.protocol === null ? [] : [options.protocol ?? WIRE_PROTOCOL]),
      ...(options.token === null ? [] : [`${TOKEN_PROTOCOL_PREFIX}${options.token ?? server.token}`]),
    ]
    const headers: Record<string, string> = {}
    if (options.origin !== null) headers.Origin = options.origin ?? origin()
    if (options.host) headers.Host = options.host
    return new WebSocket(`ws://127.0.0.1:${server.port}${options.path ?? '/api'}`, protocols, { headers })
  }
  const refusedStatus = (ws: WebSocket) =>
    new Promise<number>((resolve, reject) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      ws.on('open', () => reject(new Error('connection was accepted')))
      ws.on('error', () => undefined)
    })
  const opened = (ws: WebSocket) => new Promise<void>((resolve, reject) => (ws.on('open', () => resolve()), ws.on('error', reject)))
  const nextMessage = (ws: WebSocket) => new Promise<unknown>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))))
  const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))

  it('listens on loopback only and prints a URL with a one-time code (not a session token) in the fragment', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#code=[0-9a-f]{64}$`))
    expect(server.url).not.toContain(server.token)
    expect(server.token).toMatch(/^[0-9a-f]{64}$/)
  })

  it.each<[string, ConnectOptions]>([
    ['no token', { token: null }],
    ['a wrong token', { token: 'f'.repeat(64) }],
    ['a token prefix', { token: 'x' }],
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['a localhost Origin on another port', { origin: 'http://127.0.0.1:1' }],
    ['no Origin', { origin: null }],
    ['a rebinding Host', { host: 'evil.example' }],
    ['another path', { path: '/other' }],
    ['no protocol', { protocol: null }],
  ])('refuses a connection with %s', async (_name, options) => {
    const before = calls.length
    expect(await refusedStatus(connect(options))).toBe(403)
    expect(calls.length).toBe(before)
  })

  it('refuses plain HTTP with a rebinding Host header', async () => {
    const status = await new Promise<number>((resolve) =>
      http.get({ host: '127.0.0.1', port: server.port, path: '/', headers: { Host: 'evil.example' } }, (res) => resolve(res.statusCode ?? 0)),
    )
    expect(status).toBe(421)
  })

  it('serves the renderer with the CSP header', async () => {
    const res = await fetch(`${origin()}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
  })

  it('round-trips a call for the right token and origin', async () => {
    const ws = connect()
    await opened(ws)
    ws.send(JSON.stringify({ id: 1, method: 'app.info' }))
    expect(await nextMessage(ws)).toEqual({ id: 1, reply: { ok: true, value: expect.objectContaining({ name: 'SellerGuard' }) } })
    ws.close()
  })

  it('answers unknown methods and bad arguments with typed errors, without running anything', async () => {
    const ws = connect()
    await opened(ws)
    const before = calls.length
    ws.send(JSON.stringify({ id: 2, method: 'vault.dumpSecrets' }))
    expect(await nextMessage(ws)).toMatchObject({ id: 2, reply: { ok: false, error: { kind: 'unknown-method' } } })
    ws.send(JSON.stringify({ id: 3, method: 'settings.update', input: { theme: 'evil' } }))
    expect(await nextMessage(ws)).toMatchObject({ id: 3, reply: { ok: false, error: { kind: 'invalid-request' } } })
    expect(calls.length).toBe(before)
    ws.close()
  })

  it.each([['not json'], ['[1,2,3]'], ['{"id":"x","method":"app.info"}'], ['{"id":1,"method":"app.info","extra":1}']])(
    'closes the socket on a malformed frame %s',
    async (frame) => {
      const ws = connect()
      await opened(ws)
      const code = closed(ws)
      ws.send(frame)
      expect(await code).toBe(1007)
    },
  )

  it('closes the socket on an oversized message before parsing it', async () => {
    const ws = connect()
    await opened(ws)
    const before = calls.length
    const code = closed(ws)
    ws.send(JSON.stringify({ id: 4, method: 'settings.update', input: { theme: 'dark', pad: 'x'.repeat(100 * 1024) } }))
    expect(await code).toBe(1009)
    expect(calls.length).toBe(before)
  })

  it('pushes contract events to connected clients', async () => {
    const ws = connect()
    await opened(ws)
    const message = nextMessage(ws)
    bus.emit('settings.changed', { ...defaultSettings, theme: 'dark' })
    expect(await message).toEqual({ event: 'settings.changed', payload: expect.objectContaining({ theme: 'dark' }) })
    ws.close()
  })
})
