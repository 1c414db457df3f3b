import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { defaultSettings } from '../../src/shared/contract'
import { TOKEN_PROTOCOL_PREFIX, WIRE_PROTOCOL } from '../../src/shared/wire'
import { STRESS } from './support'

type WebMode = Readonly<{ origin: string; token: string; output(): string; serverPid(): number; stop(): Promise<void> }>
/** Web mode started as the README does (the step `npm run web` starts the server with), the helper e2e and CI use too. */
const { startWebMode } = createRequire(__filename)('../helpers/web-mode.cjs') as { startWebMode(options: { env: NodeJS.ProcessEnv }): Promise<WebMode> }

/** Idle connections thrown at web mode: 25,000 in the long form (two flooders; one process may hold ~20,000 fds here). */
const CONNECTIONS = Number(process.env.FLOOD_CONNECTIONS ?? (STRESS ? 25_000 : 2_000))
const FLOODERS = CONNECTIONS > 15_000 ? 2 : 1
const HOLD_MS = STRESS ? 20_000 : 5_000

type FloodStats = { connected: number; closed: number; errors: Record<string, number> }

/**
 * A hostile local process opens thousands of idle TCP connections to web
 * mode (started as the README starts it, as `npm run web` does after its build, on the test
 * keyring; the fds counted are the server process's own). Before the
 * connection cap, 21,000 exhausted its file descriptors and an EMFILE from a
 * timer killed it within 15 s. Checks: the process lives, an app client
 * connected before the flood is still served, a new one can connect during
 * it, GET / answers, and the refused-connection log stays short.
 */
describe(`web mode under ${CONNECTIONS.toLocaleString('en-US')} idle connections`, () => {
  let web: WebMode | undefined
  let serverPid = 0
  let port = 0
  let token = ''
  const output = () => web?.output() ?? ''
  // Alive, and not a zombie its parent has yet to collect.
  const serverAlive = () => {
    try {
      return !/\) Z /.test(readFileSync(`/proc/${serverPid}/stat`, 'utf8'))
    } catch {
      return false
    }
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sg-flood-'))
  const figures: Record<string, unknown> = { connections: CONNECTIONS }

  beforeAll(async () => {
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ schemaVersion: 1, data: { ...defaultSettings, ntpServers: ['127.0.0.1:9'] } }))
    web = await startWebMode({
      env: { ...process.env, SELLERGUARD_DATA_DIR: dataDir, SELLERGUARD_KEYCHAIN_SERVICE: `SellerGuardFlood-${randomBytes(6).toString('hex')}`, SELLERGUARD_PORT: '0', SELLERGUARD_TEST_HOOKS: '1' },
    })
    port = Number(new URL(web.origin).port)
    token = web.token
    serverPid = web.serverPid()
  }, 30_000)

  afterAll(async () => {
    await web?.stop()
    rmSync(dataDir, { recursive: true, force: true })
    console.info(`connection flood: ${JSON.stringify(figures)}`)
    if (STRESS) writeResults(figures)
  })

  const connectApp = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api`, [WIRE_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`], { headers: { Origin: `http://127.0.0.1:${port}` } })
      ws.once('open', () => resolve(ws))
      ws.once('error', reject)
    })
  let nextId = 1
  const callOn = (ws: WebSocket, method: string, input?: unknown) =>
    new Promise<{ ok: boolean }>((resolve) => {
      const id = nextId++
      const onMessage = (data: WebSocket.RawData) => {
        const frame = JSON.parse(String(data)) as { id?: number; reply?: { ok: boolean } }
        if (frame.id !== id) return
        ws.off('message', onMessage)
        resolve(frame.reply!)
      }
      ws.on('message', onMessage)
      ws.send(JSON.stringify({ id, method, input }))
    })
  const getRoot = () =>
    new Promise<number>((resolve) => {
      const request = http.get({ host: '127.0.0.1', port, path: '/', headers: { host: `127.0.0.1:${port}` } }, (res) => (res.resume(), resolve(res.statusCode ?? 0)))
      request.on('error', () => resolve(0))
      request.setTimeout(5_000, () => request.destroy())
    })

  it('stays alive and keeps serving app clients while the connections pile up', async () => {
    const app = await connectApp()
    const flooders = Array.from({ length: FLOODERS }, () =>
      spawn('bash', ['-c', `ulimit -n 20000 && exec "${process.execPath}" "${path.join(__dirname, 'flood-client.mjs')}" ${port} ${Math.ceil(CONNECTIONS / FLOODERS)} ${HOLD_MS}`], { stdio: ['ignore', 'pipe', 'inherit'] }),
    )
    const floodStats = flooders.map(
      (flooder) =>
        new Promise<FloodStats>((resolve, reject) => {
          let text = ''
          flooder.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()))
          flooder.once('exit', (code) => (code === 0 ? resolve(JSON.parse(text) as FloodStats) : reject(new Error(`flood client exited with ${code}`))))
        }),
    )
    let done = false
    void Promise.all(floodStats).finally(() => (done = true))
    const latencies: number[] = []
    let newClients = 0
    let pages = 0
    let flip = false
    // How many file descriptors web mode holds (Linux): the cap keeps it far below the process limit.
    let maxFds = 0
    const countFds = () => (process.platform === 'linux' ? readdirSync(`/proc/${serverPid}/fd`).length : 0)
    while (!done) {
      maxFds = Math.max(maxFds, countFds())
      const started = Date.now()
      const reply = await callOn(app, 'settings.update', { closeToTray: (flip = !flip) })
      expect(reply.ok).toBe(true)
      latencies.push(Date.now() - started)
      // A client arriving in the middle of the flood gets in too, and so does a page load.
      const late = await connectApp()
      expect((await callOn(late, 'accounts.list')).ok).toBe(true)
      late.close()
      newClients++
      if ((await getRoot()) === 200) pages++
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    const stats = await Promise.all(floodStats)
    app.close()
    expect(serverAlive(), output().slice(-2_000)).toBe(true)
    const connected = stats.reduce((n, s) => n + s.connected, 0)
    latencies.sort((a, b) => a - b)
    Object.assign(figures, {
      connected,
      closedByServer: stats.reduce((n, s) => n + s.closed, 0),
      clientErrors: stats.map((s) => s.errors),
      appCallsDuringFlood: latencies.length,
      appCallMsMedian: latencies[Math.floor(latencies.length / 2)],
      appCallMsMax: latencies.at(-1),
      newAppClientsServed: newClients,
      pagesServed: pages,
      refusedLogLines: output().split('\n').filter((l) => /refused a connection/.test(l)).length,
      serverMaxOpenFds: maxFds,
      processAlive: serverAlive(),
    })
    // The flood really happened: nearly every connection was accepted by the kernel.
    expect(connected).toBeGreaterThan(CONNECTIONS * 0.9)
    expect(pages).toBeGreaterThan(0)
    expect(figures.refusedLogLines as number).toBeLessThan(20)
    // Still serving afterwards.
    const after = await connectApp()
    expect((await callOn(after, 'app.info')).ok).toBe(true)
    after.close()
  }, (STRESS ? 300 : 90) * 1000)
})

function writeResults(figures: object): void {
  writeFileSync(
    path.resolve(__dirname, '../../bench/results/reliability-web-flood.json'),
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        command: 'npm run test:stress -- test/reliability/connection-flood.test.ts',
        machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version },
        data: figures,
        targets: 'the process stays alive; app clients connected before and during the flood are served; GET / answers',
      },
      null,
      2,
    )}\n`,
  )
}

