import { apiError, buildApi, type EventName, type SellerGuardApi } from '../contract'
import { CODE_PROTOCOL_PREFIX, ServerFrame, TOKEN_PROTOCOL_PREFIX, WIRE_PROTOCOL } from '../../../shared/wire'

const TOKEN_KEY = 'sellerguard.token'

/**
 * Web mode's stand-in for the preload: the same `window.sellerguard` shape,
 * carried over the loopback WebSocket of `npm run web`. The printed link
 * carries a one-time code in its fragment (never sent to a server): it is
 * removed from the address bar at once, offered on the first connection
 * only, and exchanged there for a session token that this tab keeps in
 * sessionStorage (reloads and reconnects use it). The link itself, left in
 * the browser's history or session files, opens nothing afterwards.
 */
export function connectWebBridge(location: Location = window.location): SellerGuardApi {
  let code = new URLSearchParams(location.hash.slice(1)).get('code')
  if (code) {
    history.replaceState(null, '', location.pathname + location.search)
    // A new link wins over a session of an earlier run kept in this tab.
    sessionStorage.removeItem(TOKEN_KEY)
  }
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api`

  let nextId = 1
  const pending = new Map<number, (reply: unknown) => void>()
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const queue: string[] = []
  let socket: WebSocket

  const disconnected = () => ({ ok: false, error: apiError('disconnected', 'Lost the connection to SellerGuard. Is `npm run web` still running?') })

  function credential(): string {
    const session = sessionStorage.getItem(TOKEN_KEY)
    if (session) return `${TOKEN_PROTOCOL_PREFIX}${session}`
    // The code is good for one connection: a reconnect without a session has nothing to offer.
    const once = code
    code = null
    return `${CODE_PROTOCOL_PREFIX}${once ?? ''}`
  }

  function open(): void {
    socket = new WebSocket(url, [WIRE_PROTOCOL, credential()])
    socket.addEventListener('open', () => {
      for (const frame of queue.splice(0)) socket.send(frame)
    })
    socket.addEventListener('message', (message) => {
      const frame = ServerFrame.safeParse(JSON.parse(String(message.data)))
      if (!frame.success) return
      if ('session' in frame.data) sessionStorage.setItem(TOKEN_KEY, frame.data.session)
      else if ('id' in frame.data) {
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
