import { apiError, buildApi, type EventName, type SellerGuardApi } from '../contract'
import { ServerFrame, TOKEN_PROTOCOL_PREFIX, WIRE_PROTOCOL } from '../../../shared/wire'

const TOKEN_KEY = 'sellerguard.token'

/**
 * Web mode's stand-in for the preload: the same `window.sellerguard` shape,
 * carried over the loopback WebSocket of `npm run web`. The per-run token
 * arrives in the URL fragment (never sent to a server), is kept for this tab
 * only, and is removed from the address bar.
 */
export function connectWebBridge(location: Location = window.location): SellerGuardApi {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token')
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash)
    history.replaceState(null, '', location.pathname + location.search)
  }
  const token = fromHash ?? sessionStorage.getItem(TOKEN_KEY) ?? ''
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api`

  let nextId = 1
  const pending = new Map<number, (reply: unknown) => void>()
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const queue: string[] = []
  let socket: WebSocket

  const disconnected = () => ({ ok: false, error: apiError('disconnected', 'Lost the connection to SellerGuard. Is `npm run web` still running?') })

  function open(): void {
    socket = new WebSocket(url, [WIRE_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`])
    socket.addEventListener('open', () => {
      for (const frame of queue.splice(0)) socket.send(frame)
    })
    socket.addEventListener('message', (message) => {
      const frame = ServerFrame.safeParse(JSON.parse(String(message.data)))
      if (!frame.success) return
      if ('id' in frame.data) {
        pending.get(frame.data.id)?.(frame.data.reply)
        pending.delete(frame.data.id)
      } else {
        for (const listener of listeners.get(frame.data.event as EventName) ?? []) listener(frame.data.payload)
      }
    })
    socket.addEventListener('close', () => {
      for (const resolve of pending.values()) resolve(disconnected())
      pending.clear()
    })
  }
  open()

  return buildApi(
    (name, input) =>
      new Promise((resolve) => {
        if (socket.readyState === WebSocket.CLOSED || socket.readyState === WebSocket.CLOSING) open()
        const id = nextId++
        pending.set(id, resolve)
        const frame = JSON.stringify({ id, method: name, input })
        if (socket.readyState === WebSocket.OPEN) socket.send(frame)
        else queue.push(frame)
      }),
    (name, listener) => {
      const set = listeners.get(name) ?? new Set()
      set.add(listener)
      listeners.set(name, set)
      return () => void set.delete(listener)
    },
  )
}
