import type { Result } from '../../shared/result'
import type { RejectedServer, UsedServer } from './reading'
import type { ServerAddress } from './server-address'

/** One HTTPS exchange: when the request left and the reply arrived (system clock, ms) and what the site said. */
export type DateExchange = Readonly<{ t1: number; t4: number; status: number; date: string | null; age: string | null }>

export type DateFetcher = (target: ServerAddress) => Promise<Result<DateExchange, string>>

export type HostProbeDeps = Readonly<{
  /** System clock with sub-ms resolution, ms since the epoch (the one `DateExchange` is stamped with). */
  now: () => number
  fetch: DateFetcher
  sleep: (ms: number) => Promise<void>
  signal?: AbortSignal
}>

export type HostProbeOptions = Readonly<{
  /** Requests per host at most. Default 9 (the first one, then about 8 halvings of the uncertainty). */
  maxRequests?: number
  /** Added to the half-width for timer and header jitter, ms. Default 2. */
  marginMs?: number
}>

export type HostOutcome = Readonly<{ kind: 'answered'; used: UsedServer }> | Readonly<{ kind: 'rejected'; rejected: RejectedServer }>

/**
 * The offset of this computer's clock from an HTTPS site's, from its `Date`
 * headers (RFC 9110 §6.6.1: the time the reply was made, to the second).
 *
 * A reply made at local time g (somewhere between sending, t1, and
 * receiving, t4) with `Date` second S says the site's time at g was in
 * [S, S + 1 s), so the offset θ = site − local lies in (S − t4, S + 1 s − t1).
 * One reply bounds θ to about a second; the second-boundary technique makes
 * the next replies straddle the site's change of second. Aim a request so
 * the site makes its reply at the local moment K s − mid, where mid is the
 * middle of the current interval: if the reply says K − 1, θ < K s − t1
 * (≈ mid + half the round trip); if K, θ ≥ K s − t4 (≈ mid − half the round
 * trip). Each request halves the interval, down to about the round trip:
 * the result is its midpoint, ± half its width. Replies are intersected,
 * so they must all agree: a cached reply (an `Age` header) is skipped, and a
 * contradiction rejects the host.
 */
export async function probeHost(target: ServerAddress, deps: HostProbeDeps, options: HostProbeOptions = {}): Promise<HostOutcome> {
  const maxRequests = Math.max(1, options.maxRequests ?? 9)
  const marginMs = options.marginMs ?? 2
  const reject = (reason: RejectedServer['reason'], detail: string, offsetMs: number | null = null): HostOutcome => ({
    kind: 'rejected',
    rejected: { server: target.label, address: `${target.host}:${target.port}`, reason, detail, offsetMs, source: 'https' },
  })
  let lo = Number.NEGATIVE_INFINITY
  let hi = Number.POSITIVE_INFINITY
  let bestRtt = Number.POSITIVE_INFINITY
  let good = 0
  let lastRtt = Number.POSITIVE_INFINITY

  for (let i = 0; i < maxRequests && !deps.signal?.aborted; i++) {
    if (good > 0) {
      if (Number.isFinite(bestRtt) && hi - lo <= Math.max(2 * bestRtt, 4)) break
      // Aim the site's reply at the local moment its clock turns the next second, as far as we know it now.
      const mid = (lo + hi) / 2
      const oneWay = (Number.isFinite(bestRtt) ? bestRtt : lastRtt) / 2
      const earliest = deps.now() + 5
      const second = Math.ceil((earliest + oneWay + mid) / 1000) * 1000
      await deps.sleep(Math.max(0, second - mid - oneWay - deps.now()))
    }
    const reply = await deps.fetch(target)
    if (!reply.ok) {
      if (good === 0) return reject('https-error', reply.error)
      break
    }
    // Any status will do (a 403 or 405 to a HEAD request still carries the site's Date).
    const { t1, t4, date, age } = reply.value
    if (age !== null && age.trim() !== '0') continue // a cached reply: its Date is when it was first made
    const seconds = date === null ? Number.NaN : Date.parse(date)
    if (!Number.isFinite(seconds) || seconds % 1000 !== 0) return reject('no-date', date === null ? 'no Date header' : `unreadable Date header “${date}”`)
    lo = Math.max(lo, seconds - t4)
    hi = Math.min(hi, seconds + 1000 - t1)
    if (lo > hi) return reject('inconsistent', `its Date headers contradict each other (a cached reply, or a clock that jumps)`, seconds - (t1 + t4) / 2)
    good += 1
    lastRtt = t4 - t1
    // The first exchange also paid for the TCP and TLS handshakes; later ones on the same connection did not.
    if (i > 0) bestRtt = Math.min(bestRtt, t4 - t1)
  }
  if (good === 0) return reject('https-error', 'no usable reply')
  const used: UsedServer = {
    server: target.label,
    address: `${target.host}:${target.port}`,
    offsetMs: (lo + hi) / 2,
    delayMs: Number.isFinite(bestRtt) ? bestRtt : lastRtt,
    errorMs: (hi - lo) / 2 + marginMs,
    stratum: null,
    samples: good,
  }
  return { kind: 'answered', used }
}
