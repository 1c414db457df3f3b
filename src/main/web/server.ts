import { randomBytes, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { apiError } from '../../shared/contract'
import { ClientFrame, TOKEN_PROTOCOL_PREFIX, WIRE_PROTOCOL, type ServerFrame } from '../../shared/wire'
import type { Dispatch } from '../core/dispatch'
import type { EventBus } from '../core/events'
import type { Logger } from '../core/log'
import { SECURITY_HEADERS } from '../security/csp'
import { readRendererFile } from '../security/renderer-files'

export type WebServerOptions = Readonly<{
  rendererDir: string
  dispatch: Dispatch
  bus: EventBus
  log: Logger
  /** 0 (default) picks a free port. */
  port?: number
  /** Fixed token for tests that need one; a random 256-bit one otherwise. */
  token?: string
  /** Largest WebSocket message accepted, bytes. */
  maxPayload?: number
  /** e2e only: `GET /__test__/clipboard` with the token as a Bearer header. */
  testHooks?: Readonly<{ clipboard: () => string }>
}>

export interface WebServer {
  readonly port: number
  readonly token: string
  /** The address to open: the token rides in the fragment, which browsers never send to a server. */
  readonly url: string
  close(): Promise<void>
}

export const LOOPBACK = '127.0.0.1'
export const DEFAULT_MAX_PAYLOAD = 16 * 1024 * 1024

/**
 * Web mode: serves the built renderer and carries the contract over a
 * WebSocket, for machines without the Electron binary and for e2e. Any local
 * process can reach a loopback port, so the socket is as guarded as IPC:
 * loopback only, `Host` and `Origin` must be this server (no DNS rebinding,
 * no other web page), a per-run token must be presented, and every frame
 * goes through the same `dispatch` validation as Electron IPC.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('hex')
  const tokenBytes = Buffer.from(token)
  const { log } = options
  let origin = ''
  let host = ''

  const server = http.createServer((req, res) => {
    if (req.headers.host !== host) return refuse(res, 421, 'wrong host')
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed')
    if (req.url === '/__test__/clipboard' && options.testHooks) {
      if (!tokenMatches(String(req.headers.authorization ?? '').replace(/^Bearer /, ''))) return refuse(res, 403, 'forbidden')
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
      res.end(options.testHooks.clipboard())
      return
    }
    void readRendererFile(options.rendererDir, req.url ?? '/').then((file) => {
      if (!file) return refuse(res, 404, 'not found')
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Content-Length': file.body.length })
      res.end(req.method === 'HEAD' ? undefined : file.body)
    })
  })

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload ?? DEFAULT_MAX_PAYLOAD,
    handleProtocols: (protocols) => (protocols.has(WIRE_PROTOCOL) ? WIRE_PROTOCOL : false),
  })

  server.on('upgrade', (req, socket, head) => {
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim())
    const presented = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length) ?? ''
    const reason =
      req.url !== '/api'
        ? 'wrong path'
        : req.headers.host !== host
          ? 'wrong host'
          : req.headers.origin !== origin
            ? 'wrong origin'
            : !tokenMatches(presented)
              ? 'wrong token'
              : !offered.includes(WIRE_PROTOCOL)
                ? 'wrong protocol'
                : null
    if (reason) {
      log.warn(`web mode refused a connection: ${reason}`)
      socket.end(`HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws))
  })

  function tokenMatches(presented: string): boolean {
    const bytes = Buffer.from(presented)
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes)
  }

  function serve(ws: WebSocket): void {
    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame))
    }
    const unsubscribe = options.bus.subscribe((event, payload) => send({ event, payload }))
    ws.on('close', unsubscribe)
    ws.on('error', (e) => log.warn(`web mode socket error: ${e.message}`))
    ws.on('message', (data, isBinary) => {
      let json: unknown
      try {
        json = isBinary ? undefined : JSON.parse(data.toString())
      } catch {
        json = undefined
      }
      const frame = ClientFrame.safeParse(json)
      if (!frame.success) {
        // A frame we cannot even answer by id: the peer is not our shim. Close.
        ws.close(1007, 'malformed frame')
        return
      }
      const { id, method, input } = frame.data
      options
        .dispatch(method, input)
        .then((reply) => send({ id, reply }))
        .catch(() => send({ id, reply: { ok: false, error: apiError('internal', 'Something went wrong inside SellerGuard.') } }))
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, LOOPBACK, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  host = `${LOOPBACK}:${port}`
  origin = `http://${host}`

  return {
    port,
    token,
    url: `${origin}/#token=${token}`,
    async close() {
      for (const client of wss.clients) client.terminate()
      wss.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(message)
}
