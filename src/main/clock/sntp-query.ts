import { randomBytes as cryptoRandomBytes } from 'node:crypto'
import dgram from 'node:dgram'
import { lookup as dnsLookup } from 'node:dns/promises'
import { performance } from 'node:perf_hooks'
import { err, ok, type Result } from '../../shared/result'
import { createPreciseClock } from './precise-clock'
import { decodeReply, encodeRequest, isUsableNonce, NONCE_BYTES, type NtpReply, type PacketError } from './sntp-packet'

export const DEFAULT_QUERY_TIMEOUT_MS = 1500

export type ResolvedAddress = Readonly<{ address: string; family: 4 | 6 }>

/** Resolves a host name or IP literal to one address; rejects like node:dns (an Error with `code`). */
export type LookupFn = (host: string) => Promise<ResolvedAddress>

export type QueryError =
  | Readonly<{ kind: 'dns'; host: string; code: string; message: string }>
  | Readonly<{ kind: 'socket'; code: string; message: string }>
  /**
   * No acceptable reply in time. `ignored` is the last reply that came from
   * the server's address but could not be tied to our request (short, long,
   * wrong origin): we do not let such a packet end the wait, so a forged one
   * cannot knock out the genuine reply.
   */
  | Readonly<{ kind: 'timeout'; timeoutMs: number; ignored: PacketError | null }>
  /** A reply carrying our nonce that must not be used (KoD, unsynchronised, ...). */
  | Readonly<{ kind: 'rejected'; error: PacketError }>

/** One request/response exchange. Times in ms since the epoch; T1/T4 on our clock, T2/T3 on the server's. */
export type SntpSample = Readonly<{
  address: string
  port: number
  family: 4 | 6
  /** θ = ((T2−T1)+(T3−T4))/2: server clock minus our clock, ms. Positive: we are behind. */
  offsetMs: number
  /** δ = (T4−T1)−(T3−T2): round-trip network delay, ms. The true offset lies within θ ± δ/2. */
  delayMs: number
  t1Ms: number
  t2Ms: number
  t3Ms: number
  t4Ms: number
  reply: NtpReply
}>

export type QueryOptions = Readonly<{ timeoutMs?: number }>

export type SntpClientDeps = Readonly<{
  /** System clock, ms since the epoch: the clock whose offset we measure. */
  now: () => number
  /** Monotonic high-resolution clock, ms. Default `performance.now`. */
  hrNow?: () => number
  /** Default: node:dns `lookup` (getaddrinfo, honours /etc/hosts). */
  lookup?: LookupFn
  /** Default: node:crypto `randomBytes`. */
  randomBytes?: (size: number) => Uint8Array
}>

export interface SntpClient {
  /** Resolves `host` once, failing with a typed `dns` error (also on a lookup slower than `timeoutMs`). */
  resolve(host: string, options?: QueryOptions): Promise<Result<ResolvedAddress, QueryError>>
  /** One SNTP exchange with an already resolved address. Never throws. */
  queryAddress(target: ResolvedAddress, port: number, options?: QueryOptions): Promise<Result<SntpSample, QueryError>>
  /** `resolve` then `queryAddress`. */
  query(host: string, port: number, options?: QueryOptions): Promise<Result<SntpSample, QueryError>>
}

const defaultLookup: LookupFn = async (host) => {
  const found = await dnsLookup(host)
  return { address: found.address, family: found.family === 6 ? 6 : 4 }
}

/**
 * SNTPv4 client (RFC 4330) over node:dgram. Each query uses a fresh socket
 * (so a fresh random source port) and a fresh 64-bit nonce, and closes the
 * socket when it answers, fails or times out.
 *
 * T1 and T4 come from a sub-millisecond reading of the system clock (see
 * precise-clock.ts), taken just before the send and first thing in the
 * message handler. Any delay between those readings and the wire only widens
 * δ, and the true offset stays inside θ ± δ/2.
 */
export function createSntpClient(deps: SntpClientDeps): SntpClient {
  const lookup = deps.lookup ?? defaultLookup
  const randomBytes = deps.randomBytes ?? cryptoRandomBytes
  const clock = createPreciseClock({ now: deps.now, hrNow: deps.hrNow ?? (() => performance.now()) })

  function newNonce(): Uint8Array {
    let nonce = randomBytes(NONCE_BYTES)
    while (!isUsableNonce(nonce)) nonce = randomBytes(NONCE_BYTES)
    return nonce
  }

  async function resolve(host: string, options?: QueryOptions): Promise<Result<ResolvedAddress, QueryError>> {
    const timeoutMs = options?.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS
    let timer: NodeJS.Timeout | undefined
    // getaddrinfo cannot be cancelled; on timeout we stop waiting and let it finish in the background.
    const expired = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), timeoutMs)))
    try {
      const found = await Promise.race([lookup(host), expired])
      if (found === 'timeout') return err({ kind: 'dns', host, code: 'ETIMEOUT', message: `no answer from the resolver within ${timeoutMs} ms` })
      return ok(found)
    } catch (e) {
      const code = typeof (e as NodeJS.ErrnoException).code === 'string' ? String((e as NodeJS.ErrnoException).code) : 'EUNKNOWN'
      return err({ kind: 'dns', host, code, message: e instanceof Error ? e.message : String(e) })
    } finally {
      clearTimeout(timer)
    }
  }

  function queryAddress(target: ResolvedAddress, port: number, options?: QueryOptions): Promise<Result<SntpSample, QueryError>> {
    const timeoutMs = options?.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS
    const nonce = newNonce()
    const request = encodeRequest(nonce)
    const expected = normaliseAddress(target.address)

    return new Promise((settle) => {
      const socket = dgram.createSocket(target.family === 6 ? 'udp6' : 'udp4')
      let finished = false
      let ignored: PacketError | null = null
      let t1 = Number.NaN

      const finish = (result: Result<SntpSample, QueryError>) => {
        if (finished) return
        finished = true
        clearTimeout(timer)
        socket.close()
        settle(result)
      }
      const timer = setTimeout(() => finish(err({ kind: 'timeout', timeoutMs, ignored })), timeoutMs)

      socket.on('error', (e: NodeJS.ErrnoException) => finish(err({ kind: 'socket', code: e.code ?? 'EUNKNOWN', message: e.message })))
      socket.on('message', (message, from) => {
        const t4 = clock()
        if (finished || Number.isNaN(t1)) return
        // Anything not from the address and port we asked is someone else's traffic.
        if (normaliseAddress(from.address) !== expected || from.port !== port) return
        const decoded = decodeReply(message, nonce)
        if (decoded.ok) return finish(ok(sampleOf(target, port, t1, t4, decoded.value)))
        const error = decoded.error
        if (error.kind === 'short' || error.kind === 'long' || error.kind === 'origin-mismatch') ignored = error
        else finish(err({ kind: 'rejected', error }))
      })
      // Bind first, so that the send below goes out at once and T1 is close to the wire.
      socket.bind({ port: 0, exclusive: true }, () => {
        if (finished) return
        t1 = clock()
        socket.send(request, port, target.address, (e) => {
          if (e) finish(err({ kind: 'socket', code: (e as NodeJS.ErrnoException).code ?? 'EUNKNOWN', message: e.message }))
        })
      })
    })
  }

  return {
    resolve,
    queryAddress,
    async query(host, port, options) {
      const resolved = await resolve(host, options)
      if (!resolved.ok) return resolved
      return queryAddress(resolved.value, port, options)
    },
  }
}

function sampleOf(target: ResolvedAddress, port: number, t1: number, t4: number, reply: NtpReply): SntpSample {
  const t2 = reply.receiveMs
  const t3 = reply.transmitMs
  return {
    address: target.address,
    port,
    family: target.family,
    offsetMs: (t2 - t1 + (t3 - t4)) / 2,
    delayMs: t4 - t1 - (t3 - t2),
    t1Ms: t1,
    t2Ms: t2,
    t3Ms: t3,
    t4Ms: t4,
    reply,
  }
}

/** IPv6 text forms differ in case and zone suffix; compare without them. */
function normaliseAddress(address: string): string {
  const zone = address.indexOf('%')
  return (zone === -1 ? address : address.slice(0, zone)).toLowerCase()
}
