import { apiError, buildApi, type EventName, type SellerGuardApi } from '../contract'
import { CODE_PROTOCOL_PREFIX, SESSION_TOKEN_KEY, TOKEN_PROTOCOL_PREFIX, WIRE_PROTOCOL } from '../../../shared/wire-protocol'
import { readServerFrame } from '../../../shared/read-server-frame'

/** What a tab opened without the link (a bookmark, a new tab, a spent link) is told. */
export const NOT_ADMITTED = 'Open the one-time link that SellerGuard printed in the terminal.'

/**
 * Web mode's stand-in for the preload: the same `window.sellerguard` shape,
 * carried over the loopback WebSocket of `npm run web`. The printed link
 * carries a one-time code in its fragment (never sent to a server): it is
 * removed from the address bar at once, offered on the first connection
 * only, and exchanged there for a session token that this tab keeps in
 * sessionStorage (reloads and reconnects use it). The link itself, left in
 * the browser's history or session files, opens nothing afterwards.
 *
 * Every frame from the server is checked as the contract's frame schema
 * checks it (shared/read-server-frame.ts, plain code: the page loads no zod).
 */
export function connectWebBridge(location: Location = window.location): SellerGuardApi {
  let code = new URLSearchParams(location.hash.slice(1)).get('code')
  if (code) {
    history.replaceState(null, '', location.pathname + location.search)
    // A new link wins over a session of an earlier run kept in this tab.
    sessionStorage.removeItem(SESSION_TOKEN_KEY)
  }
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api`

  let nextId = 1
  const pending = new Map<number, (reply: unknown) => void>()
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const queue: string[] = []
  let socket: WebSocket

  const disconnected = () => ({ ok: false, error: apiError('disconnected', 'Lost the connection to SellerGuard. Is `npm run web` still running?') })
  const notAdmitted = () => ({ ok: false, error: apiError('not-admitted', NOT_ADMITTED) })

  function receive(data: string): void {
    const frame = readServerFrame(JSON.parse(data))
    if (!frame) return
    if ('session' in frame) sessionStorage.setItem(SESSION_TOKEN_KEY, frame.session)
    else if ('id' in frame) {
      pending.get(frame.id)?.(frame.reply)
      pending.delete(frame.id)
    } else {
      for (const listener of listeners.get(frame.event as EventName) ?? []) listener(frame.payload)
    }
  }

  function credential(): string {
    const session = sessionStorage.getItem(SESSION_TOKEN_KEY)
    if (session) return `${TOKEN_PROTOCOL_PREFIX}${session}`
    // The code is good for one connection: a reconnect without a session has nothing to offer.
    const once = code
    code = null
    return `${CODE_PROTOCOL_PREFIX}${once ?? ''}`
  }

  function open(): void {
    socket = new WebSocket(url, [WIRE_PROTOCOL, credential()])
    let opened = false
    socket.addEventListener('open', () => {
      opened = true
      for (const frame of queue.splice(0)) socket.send(frame)
    })
    socket.addEventListener('message', (message) => receive(String(message.data)))
    socket.addEventListener('close', () => {
      const waiting = [...pending.values()]
      pending.clear()
      queue.length = 0
      // A socket refused before it opened, by a server that still serves the page: this tab holds no valid link or session.
      void (opened ? Promise.resolve(false) : serverAnswers(location.origin)).then((answers) => {
        for (const resolve of waiting) resolve(answers ? notAdmitted() : disconnected())
      })
    })
  }
  open()
  // The link pasted into this tab's address bar changes only the fragment: start over with its code.
  window.addEventListener('hashchange', () => {
    if (new URLSearchParams(location.hash.slice(1)).get('code')) location.reload()
  })

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

/** Whether web mode's server answers at all (any HTTP status): then a refused socket was refused for its credential. */
async function serverAnswers(origin: string): Promise<boolean> {
  try {
    await fetch(`${origin}/`, { method: 'HEAD', cache: 'no-store' })
    return true
  } catch {
    return false
  }
}
