import { promises as fs } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { defaultSettings } from '../../shared/contract'
import { ok } from '../../shared/result'
import { CODE_PROTOCOL_PREFIX, TOKEN_PROTOCOL_PREFIX, WIRE_PROTOCOL } from '../../shared/wire'
import { stubHandlers } from '../../../test/helpers/stub-handlers'
import { createDispatch } from '../core/dispatch'
import { createEventBus } from '../core/events'
import { createMemoryLogger } from '../core/log'
import { startWebServer, type WebServer, type WebServerOptions } from './server'

const handlers = stubHandlers({ 'app.info': () => ok({ name: 'SellerGuard', version: '1.0.0', platform: 'linux', runtime: 'web', screenCapture: false }), 'settings.get': () => ok(defaultSettings) })

describe('web mode: the one-time link, the connection cap, the static files', () => {
  const servers: WebServer[] = []
  const log = createMemoryLogger()
  const rendererDirs = new Map<WebServer, string>()
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()))
  })
  async function start(extra: Partial<WebServerOptions> = {}): Promise<WebServer> {
    const rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-web-access-'))
    await fs.writeFile(path.join(rendererDir, 'index.html'), '<div id="root"></div>')
    const server = await startWebServer({ rendererDir, dispatch: createDispatch(handlers, log), bus: createEventBus(), log, ...extra })
    servers.push(server)
    rendererDirs.set(server, rendererDir)
    return server
  }
  const codeOf = (server: WebServer) => new URLSearchParams(new URL(server.url).hash.slice(1)).get('code')!
  const socket = (server: WebServer, credential: string) =>
    new WebSocket(`ws://127.0.0.1:${server.port}/api`, [WIRE_PROTOCOL, credential], { headers: { Origin: `http://127.0.0.1:${server.port}` } })
  const outcome = (ws: WebSocket) =>
    new Promise<{ status: number; first?: unknown }>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }))
      ws.on('open', () => ws.once('message', (data) => resolve({ status: 101, first: JSON.parse(String(data)) })))
      ws.on('error', () => undefined)
    })
  const call = (ws: WebSocket, id: number, method: string) =>
    new Promise<unknown>((resolve) => {
      ws.once('message', (data) => resolve(JSON.parse(String(data))))
      ws.send(JSON.stringify({ id, method }))
    })

  it('the link works once: its code buys a session token, and is refused after that', async () => {
    const server = await start()
    // A wrong code is refused, and does not spend the real one.
    expect((await outcome(socket(server, `${CODE_PROTOCOL_PREFIX}${'0'.repeat(64)}`))).status).toBe(403)
    const first = await outcome(socket(server, `${CODE_PROTOCOL_PREFIX}${codeOf(server)}`))
    expect(first.status).toBe(101)
    const session = (first.first as { session: string }).session
    expect(session).toMatch(/^[0-9a-f]{64}$/)
    expect(session).not.toBe(codeOf(server))
    // The link again (history, a second tab, another process that read it): refused.
    expect((await outcome(socket(server, `${CODE_PROTOCOL_PREFIX}${codeOf(server)}`))).status).toBe(403)
    // The tab's session token works for reconnects and reloads.
    const again = socket(server, `${TOKEN_PROTOCOL_PREFIX}${session}`)
    await new Promise((resolve) => again.once('open', resolve))
    expect(await call(again, 1, 'app.info')).toMatchObject({ id: 1, reply: { ok: true } })
    again.close()
  })

  it('a flood of idle connections is capped and timed out; app sockets are never evicted, and new ones get in', async () => {
    const server = await start({ limits: { maxConnections: 20, idleTimeoutMs: 1_500, headersTimeoutMs: 1_000 } })
    const app = socket(server, `${TOKEN_PROTOCOL_PREFIX}${server.token}`)
    await new Promise((resolve) => app.once('open', resolve))
    const idle = await Promise.all(
      Array.from({ length: 200 }, () => new Promise<net.Socket>((resolve) => {
        const s = net.connect(server.port, '127.0.0.1', () => resolve(s))
        s.on('error', () => undefined)
      })),
    )
    const closedCount = () => idle.filter((s) => s.destroyed || s.readableEnded).length
    // Past the cap, the oldest idle ones were closed to make room.
    await expect.poll(closedCount, { timeout: 5_000 }).toBeGreaterThanOrEqual(200 - 20)
    expect(await call(app, 2, 'app.info')).toMatchObject({ id: 2, reply: { ok: true } })
    const late = socket(server, `${TOKEN_PROTOCOL_PREFIX}${server.token}`)
    await new Promise((resolve) => late.once('open', resolve))
    expect(await call(late, 3, 'app.info')).toMatchObject({ id: 3, reply: { ok: true } })
    // The rest go when they have been idle too long; the app sockets stay.
    await expect.poll(closedCount, { timeout: 5_000 }).toBe(200)
    expect(await call(app, 4, 'app.info')).toMatchObject({ id: 4, reply: { ok: true } })
    app.close()
    late.close()
  })

  it('writes one log line per 10 s for refused connections, however many there are', async () => {
    const server = await start()
    const before = log.lines.filter((l) => l.includes('refused a connection')).length
    for (let i = 0; i < 50; i++) await outcome(socket(server, `${TOKEN_PROTOCOL_PREFIX}${'f'.repeat(64)}`))
    expect(log.lines.filter((l) => l.includes('refused a connection')).length - before).toBe(1)
  })

  it('does not follow a symlink out of the renderer folder', async () => {
    const server = await start()
    const dir = rendererDirs.get(server)!
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-outside-'))
    await fs.writeFile(path.join(outside, 'secret.json'), '{"secret":1}')
    await fs.symlink(path.join(outside, 'secret.json'), path.join(dir, 'leak.json'))
    await fs.symlink(outside, path.join(dir, 'linked'))
    const get = (p: string) => new Promise<number>((resolve) => http.get({ host: '127.0.0.1', port: server.port, path: p, headers: { host: `127.0.0.1:${server.port}` } }, (res) => (res.resume(), resolve(res.statusCode ?? 0))))
    expect(await get('/leak.json')).toBe(404)
    expect(await get('/linked/secret.json')).toBe(404)
    expect(await get('/index.html')).toBe(200)
  })
})
