import { randomBytes } from 'node:crypto'
import dgram from 'node:dgram'
import { once } from 'node:events'
import { craftReply, serverNow, type ReplyFields } from './ntp-reply'

/** One datagram to send back. */
export type Send = Readonly<{
  /** The packet, or a function that builds it at send time (so a delayed reply carries a true T3). */
  bytes: Uint8Array | (() => Uint8Array)
  /** Send from a second socket (another port): a reply the client must not believe. */
  fromOtherPort?: boolean
  /** Wait this long after the request before sending, ms. */
  delayMs?: number
}>

/** What to answer to one request (possibly nothing, possibly several packets). */
export type Behaviour = (request: Uint8Array) => readonly Send[]

export type Responder = Readonly<{
  address: string
  port: number
  family: 4 | 6
  /** Requests received so far. */
  requests(): number
  stop(): Promise<void>
}>

/**
 * A tiny UDP server that answers NTP requests with crafted packets, for the
 * cases chronyd cannot produce (Kiss-o'-Death, spoofed origins, malformed
 * replies). Binds an ephemeral port on loopback.
 */
export async function startResponder(behaviour: Behaviour, address = '127.0.0.1'): Promise<Responder> {
  const family = address.includes(':') ? 6 : 4
  const type = family === 6 ? 'udp6' : 'udp4'
  const socket = dgram.createSocket(type)
  const other = dgram.createSocket(type)
  const timers = new Set<NodeJS.Timeout>()
  let requests = 0
  socket.bind(0, address)
  other.bind(0, address)
  await Promise.all([once(socket, 'listening'), once(other, 'listening')])

  socket.on('message', (message, from) => {
    requests += 1
    for (const send of behaviour(message)) {
      const out = send.fromOtherPort ? other : socket
      const go = () => out.send(typeof send.bytes === 'function' ? send.bytes() : send.bytes, from.port, from.address)
      if (!send.delayMs) go()
      else {
        const timer = setTimeout(() => {
          timers.delete(timer)
          go()
        }, send.delayMs)
        timers.add(timer)
      }
    }
  })

  return {
    address,
    port: socket.address().port,
    family,
    requests: () => requests,
    async stop() {
      for (const timer of timers) clearTimeout(timer)
      await Promise.all([new Promise<void>((done) => socket.close(() => done())), new Promise<void>((done) => other.close(() => done()))])
    },
  }
}

/** Ready-made behaviours. `offsetMs` is how far the crafted server's clock is ahead of ours. */
export const behave = {
  /** A healthy server whose clock is `offsetMs` ahead. */
  offset: (offsetMs: number): Behaviour => (request) => [{ bytes: craftReply(request, serverNow(offsetMs)) }],
  /** A reply with some fields overridden (everything else healthy, zero offset). */
  reply: (fields: ReplyFields): Behaviour => (request) => [{ bytes: craftReply(request, serverNow(0), fields) }],
  /** Kiss-o'-Death as ntpd sends it: LI = 3, stratum 0, the code in the reference id. */
  kiss: (code: string): Behaviour => (request) => [{ bytes: craftReply(request, serverNow(0), { leap: 3, stratum: 0, referenceId: code }) }],
  /** Never answers. */
  silent: (): Behaviour => () => [],
  /**
   * First a forged reply (right address and port, random origin, clock an hour
   * off), then `afterMs` later the genuine one.
   */
  spoofThenGenuine: (offsetMs: number, afterMs = 30): Behaviour => (request) => [
    { bytes: craftReply(request, serverNow(3_600_000), { origin: randomBytes(8) }) },
    delayedGenuine(request, offsetMs, afterMs),
  ],
  /** First a reply with the right origin from another port (an hour off), then the genuine one. */
  otherPortThenGenuine: (offsetMs: number, afterMs = 30): Behaviour => (request) => [
    { bytes: craftReply(request, serverNow(3_600_000)), fromOtherPort: true },
    delayedGenuine(request, offsetMs, afterMs),
  ],
}

/** A correct reply sent `afterMs` late: T2 when the request came, T3 when the reply leaves. */
function delayedGenuine(request: Uint8Array, offsetMs: number, afterMs: number): Send {
  const receiveMs = serverNow(offsetMs)
  return { bytes: () => craftReply(request, serverNow(offsetMs), { receiveMs }), delayMs: afterMs }
}
