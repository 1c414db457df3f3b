import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import type { ServerFrame } from '../../shared/wire'
import { CODE_PROTOCOL_PREFIX, TOKEN_PROTOCOL_PREFIX, WIRE_PROTOCOL } from '../../shared/wire-protocol'
import { guarded } from '../core/crash-guard'
import type { Dispatch } from '../core/dispatch'
import type { EventBus } from '../core/events'
import type { Logger } from '../core/log'
import { rateLimited } from '../core/rate-limited'
import { SECURITY_HEADERS } from '../security/csp'
import { readRendererFile } from '../security/renderer-files'
import { createWebAccess } from './access'
import { DEFAULT_LIMITS, guardConnections, type ConnectionLimits } from './connection-guard'
import { MAX_REQUEST_BYTES } from '../../shared/contract/sizes'
import type * as FrameCheck from './frame-check'

export type WebServerOptions = Readonly<{
  rendererDir: string
  dispatch: Dispatch
  /** Where the services' events come from: each tab subscribes when it connects. */
  bus: Pick<EventBus, 'subscribe'>
  log: Logger
  /** 0 (default) picks a free port. */
  port?: number
  /** Fixed session token for tests that need one; a random 256-bit one otherwise (never printed). */
  token?: string
  /** Largest WebSocket message accepted, bytes. */
  maxPayload?: number
  /** Connection cap and timeouts (defaults: DEFAULT_LIMITS). */
  limits?: Partial<ConnectionLimits>
  /** e2e only: `GET /__test__/…` with the token as a Bearer header. */
  testHooks?: TestHooks
}>

/** e2e only: `/__test__/clipboard` reads what was copied; `idle?seconds=N` pretends idle time; `touch-id?answer=yes|no` answers the next Touch ID prompt. */
export type TestHooks = Readonly<{ clipboard: () => string; idle?: (seconds: number) => void; touchId?: (yes: boolean) => void }>

export interface WebServer {
  readonly port: number
  /** A session token valid for this run (tests, e2e hooks); users only ever get the one-time code. */
  readonly token: string
  /** The address to open: a one-time code rides in the fragment, which browsers never send to a server. */
  readonly url: string
  close(): Promise<void>
}

export const LOOPBACK = '127.0.0.1'
/** The contract's request limit: every file the renderer lets through fits (see MAX_REQUEST_BYTES). */
export const DEFAULT_MAX_PAYLOAD = MAX_REQUEST_BYTES

/**
 * Web mode: serves the built renderer and carries the contract over a
 * WebSocket, for machines without the Electron binary and for e2e. Any local
 * process can reach a loopback port, so the socket is as guarded as IPC:
 * loopback only, `Host` and `Origin` must be this server (no DNS rebinding,
 * no other web page), the link's one-time code or a session token must be
 * presented (access.ts), every frame goes through the same `dispatch`
 * validation as Electron IPC, and a flood of connections is capped and
 * timed out (connection-guard.ts).
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  // The frame check brings zod and the contract: loaded when the first frame comes, so they do not hold up listening.
  let check: Promise<typeof FrameCheck> | null = null
  const frameCheck = () => (check ??= import('./frame-check'))
  const access = createWebAccess(options.token ? { standing: options.token } : {})
  const { log } = options
  // One line per 10 s however many are refused: a flood must not fill the disk or the terminal.
  const logRefused = rateLimited((message) => log.warn(message))
  let origin = ''
  let host = ''

  const server = http.createServer(
    guarded(log, 'web mode request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (req.headers.host !== host) return refuse(res, 421, 'wrong host')
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed')
      if (req.url === '/__test__/clipboard' && options.testHooks) {
        if (!access.admits(String(req.headers.authorization ?? '').replace(/^Bearer /, ''))) return refuse(res, 403, 'forbidden')
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
        res.end(options.testHooks.clipboard())
        return
      }
      const action = options.testHooks ? testAction(req.url ?? '', options.testHooks) : null
      if (action) {
        if (!access.admits(String(req.headers.authorization ?? '').replace(/^Bearer /, ''))) return refuse(res, 403, 'forbidden')
        action()
        res.writeHead(204, SECURITY_HEADERS)
        res.end()
        return
      }
      return readRendererFile(options.rendererDir, req.url ?? '/').then((file) => {
        if (!file) return refuse(res, 404, 'not found')
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Content-Length': file.body.length })
        res.end(req.method === 'HEAD' ? undefined : file.body)
      })
    }),
  )
  server.on('clientError', (_error, socket) => socket.destroy())
  const connections = guardConnections(server, { ...DEFAULT_LIMITS, ...options.limits })

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload ?? DEFAULT_MAX_PAYLOAD,
    handleProtocols: (protocols) => (protocols.has(WIRE_PROTOCOL) ? WIRE_PROTOCOL : false),
  })

  server.on(
    'upgrade',
    guarded(log, 'web mode upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      const offered = String(req.headers['sec-websocket-protocol'] ?? '')
        .split(',')
        .map((p) => p.trim())
      const presented = (prefix: string) => offered.find((p) => p.startsWith(prefix))?.slice(prefix.length) ?? ''
      const token = presented(TOKEN_PROTOCOL_PREFIX)
      const byToken = token !== '' && access.admits(token)
      const code = byToken ? '' : presented(CODE_PROTOCOL_PREFIX)
      const reason =
        req.url !== '/api'
          ? 'wrong path'
          : req.headers.host !== host
            ? 'wrong host'
            : req.headers.origin !== origin
              ? 'wrong origin'
              : !offered.includes(WIRE_PROTOCOL)
                ? 'wrong protocol'
                : !byToken && !code
                  ? 'wrong token'
                  : null
      // The code is spent only by a connection that passed every other check.
      const session = reason === null && !byToken ? access.exchange(code) : null
      const refused = reason ?? (!byToken && !session ? 'the link is wrong or was already used (open the newest link SellerGuard printed)' : null)
      if (refused) {
        logRefused(`web mode refused a connection: ${refused}`)
        socket.end(`HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
        return
      }
      connections.markApp(req.socket)
      wss.handleUpgrade(req, socket, head, (ws) => serve(ws, session))
    }),
  )

  function serve(ws: WebSocket, session: string | null): void {
    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame))
    }
    // The first frame after spending the code: the session token the tab keeps instead.
    if (session) send({ session })
    const unsubscribe = options.bus.subscribe((event, payload) => send({ event, payload }))
    ws.on('close', unsubscribe)
    ws.on('error', (e) => log.warn(`web mode socket error: ${e.message}`))
    ws.on(
      'message',
      // Each frame waits for the check to load (only the first ones do), in the order they came.
      guarded(log, 'web mode message', (data: RawData, isBinary: boolean) =>
        frameCheck().then(({ readClientFrame, internalError }) => {
          const frame = readClientFrame(data, isBinary)
          if (!frame) {
            // A frame we cannot even answer by id: the peer is not our shim. Close.
            ws.close(1007, 'malformed frame')
            return
          }
          const { id, method, input } = frame
          options
            .dispatch(method, input)
            .then((reply) => send({ id, reply }))
            .catch(() => send({ id, reply: { ok: false, error: internalError() } }))
        }),
      ),
    )
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, LOOPBACK, () => resolve())
  })
  // After listening, an error (EMFILE on accept under a flood) is logged; the server keeps listening.
  server.on('error', (e) => logRefused(`web mode server error: ${e.message}`))
  const { port } = server.address() as AddressInfo
  host = `${LOOPBACK}:${port}`
  origin = `http://${host}`

  return {
    port,
    token: access.standing,
    url: `${origin}/#code=${access.code}`,
    async close() {
      for (const client of wss.clients) client.terminate()
      wss.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** The test hook a URL asks for (besides the clipboard), ready to run; null for any other URL. */
function testAction(url: string, hooks: TestHooks): (() => void) | null {
  const idle = /^\/__test__\/idle\?seconds=(\d{1,6})$/.exec(url)
  if (idle && hooks.idle) return () => hooks.idle?.(Number(idle[1]))
  const touch = /^\/__test__\/touch-id\?answer=(yes|no)$/.exec(url)
  if (touch && hooks.touchId) return () => hooks.touchId?.(touch[1] === 'yes')
  return null
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(message)
}
