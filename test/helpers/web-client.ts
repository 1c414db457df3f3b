import WebSocket from 'ws'
import { CODE_PROTOCOL_PREFIX, ServerFrame, WIRE_PROTOCOL } from '../../src/shared/wire'
import type { ApiError } from '../../src/shared/contract'
import type { Result } from '../../src/shared/result'

export type WebClient = Readonly<{
  /** Calls a contract method; the reply as web mode sent it. Rejects if the connection closes first. */
  call<T = unknown>(method: string, input?: unknown): Promise<Result<T, ApiError>>
  close(): void
}>

/**
 * A client of web mode as a browser tab is: it spends the printed link's
 * one-time code on its first connection (the server answers with a session
 * token) and then calls contract methods over the WebSocket.
 */
export function connectWithCode(origin: string, code: string): Promise<WebClient> {
  const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/api`, [WIRE_PROTOCOL, `${CODE_PROTOCOL_PREFIX}${code}`], { headers: { Origin: origin } })
  const waiting = new Map<number, { resolve: (reply: Result<unknown, ApiError>) => void; reject: (e: Error) => void }>()
  let nextId = 1
  let closedWith: Error | null = null
  const client: WebClient = {
    call: <T>(method: string, input?: unknown) =>
      new Promise<Result<T, ApiError>>((resolve, reject) => {
        if (closedWith) return reject(closedWith)
        const id = nextId++
        waiting.set(id, { resolve: resolve as (reply: Result<unknown, ApiError>) => void, reject })
        ws.send(JSON.stringify({ id, method, ...(input === undefined ? {} : { input }) }))
      }),
    close: () => ws.close(),
  }
  return new Promise((resolve, reject) => {
    ws.on('message', (data: WebSocket.RawData) => {
      const frame = ServerFrame.parse(JSON.parse(String(data)))
      if ('session' in frame) return resolve(client)
      if (!('id' in frame)) return
      const entry = waiting.get(frame.id)
      waiting.delete(frame.id)
      entry?.resolve(frame.reply as Result<unknown, ApiError>)
    })
    ws.on('close', (code, reason) => {
      closedWith = new Error(`web mode closed the connection (${code} ${String(reason)})`)
      reject(closedWith)
      for (const entry of waiting.values()) entry.reject(closedWith)
      waiting.clear()
    })
    ws.on('error', () => undefined)
  })
}
