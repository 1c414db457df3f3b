import type http from 'node:http'
import type { Socket } from 'node:net'

export type ConnectionLimits = Readonly<{
  /** Open connections at most; past it the oldest one that is not an open app socket is closed. */
  maxConnections: number
  /** A connection that has sent nothing (or nothing more) for this long is closed, ms. */
  idleTimeoutMs: number
  /** Longest time to receive a request's headers, ms. */
  headersTimeoutMs: number
}>

export const DEFAULT_LIMITS: ConnectionLimits = { maxConnections: 256, idleTimeoutMs: 10_000, headersTimeoutMs: 5_000 }

/**
 * Bounds what local processes can hold open: a flood of idle connections
 * (measured: 21,000 exhausted the file descriptors in 15 s) costs the
 * server at most `maxConnections` sockets, never its files or its life.
 * Sockets that carry an authenticated app connection (`markApp`) are never
 * evicted and have no idle timeout; the WebSocket pings keep them honest.
 */
export function guardConnections(server: http.Server, limits: ConnectionLimits): { markApp(socket: Socket): void; evicted(): number } {
  // Insertion order = age: the first entries are the oldest.
  const open = new Map<Socket, { app: boolean }>()
  let evicted = 0
  server.headersTimeout = limits.headersTimeoutMs
  server.requestTimeout = limits.headersTimeoutMs * 2
  server.keepAliveTimeout = Math.min(5_000, limits.idleTimeoutMs)
  server.on('connection', (socket: Socket) => {
    if (open.size >= limits.maxConnections) {
      const oldest = [...open].find(([, state]) => !state.app)?.[0]
      if (!oldest) {
        socket.destroy()
        evicted++
        return
      }
      oldest.destroy()
      open.delete(oldest)
      evicted++
    }
    open.set(socket, { app: false })
    socket.setTimeout(limits.idleTimeoutMs, () => socket.destroy())
    socket.on('error', () => undefined)
    socket.once('close', () => open.delete(socket))
  })
  return {
    markApp(socket) {
      const state = open.get(socket)
      if (state) state.app = true
      socket.setTimeout(0)
    },
    evicted: () => evicted,
  }
}
