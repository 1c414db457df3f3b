import type { KodBackoff } from './kod-backoff'
import { agreeingShare, combine, type ClockReading, type RejectedServer, type UsedServer } from './reading'
import { reasonOfQuery, type RejectReason } from './reasons'
import { parseServer, type ServerAddress } from './server-address'
import { DEFAULT_QUERY_TIMEOUT_MS, type SntpClient, type SntpSample } from './sntp-query'

export type ClockCheckOptions = Readonly<{
  /** Exchanges per server; the one with the lowest delay is kept. Default 4. */
  samplesPerServer?: number
  /**
   * Pause between one server's exchanges, ms. Default 2000: NTP's own burst
   * ("iburst") spacing. Public servers running ntpd with `limited` drop or
   * Kiss-o'-Death (RATE) packets closer than 2 s, so tighter spacing would
   * lose samples and back us off. Tests on loopback use a few ms.
   */
  sampleSpacingMs?: number
  /** Per exchange, ms. Default 1500. */
  timeoutMs?: number
  /** Per DNS lookup, ms. Default `timeoutMs`. */
  dnsTimeoutMs?: number
  /** Added to every server's interval half-width for our own reading error, ms. Default 1. */
  marginMs?: number
  /** A server whose root distance (root delay / 2 + root dispersion) exceeds this is unfit, ms. Default 1000 (RFC 5905 MAXDIST). */
  maxRootDistanceMs?: number
}>

export type ClockCheckDeps = Readonly<{
  client: Pick<SntpClient, 'resolve' | 'queryAddress'>
  /** System clock, ms: stamps the reading. */
  now: () => number
  /** Default: a setTimeout promise. */
  sleep?: (ms: number) => Promise<void>
  /** Honours Kiss-o'-Death per server; none = no memory between checks. */
  backoff?: KodBackoff
  options?: ClockCheckOptions
}>

export type { ClockReading, RejectedServer, UnknownReason, UsedServer } from './reading'

/** A check's run: `provisional` hears the first round's result as soon as a majority of all servers agree; `signal` stops sampling. */
export type CheckRunOptions = Readonly<{ provisional?: (reading: ClockReading) => void; signal?: AbortSignal }>

type Candidate = Readonly<{ used: UsedServer; sample: SntpSample }>
type Outcome = Readonly<{ kind: 'answered'; candidate: Candidate }> | Readonly<{ kind: 'rejected'; rejected: RejectedServer }>

const sleepWithTimer = (ms: number) => new Promise<void>((done) => setTimeout(done, ms))

/**
 * Measures the system clock's offset against several servers at once and
 * combines them so that one wrong server cannot move the result.
 *
 * Per server: resolve once, then take up to `samplesPerServer` exchanges and
 * keep the lowest-delay one (the least disturbed by queueing, NTP's clock
 * filter idea). A server that fails its first exchange is done: a dead server
 * costs one timeout, and because servers run in parallel the whole check
 * takes about one DNS lookup + one timeout + (samples − 1) × spacing at most.
 *
 * Combining: each kept sample gives an interval θ ± (δ/2 + root delay/2 +
 * root dispersion + precision + margin) that contains the true offset if
 * the server is honest. Marzullo's algorithm finds the largest set of
 * servers whose intervals share a point; it must be a strict majority of
 * the servers that answered, otherwise the reading is `unknown`. The result
 * is the midpoint of that set's intersection and its half-width: the point
 * with the smallest worst-case error given what the agreeing servers claim.
 * (The median of the agreeing offsets is a fine estimate too, but can fall
 * outside the intersection, and its honest error bound is then wider.)
 */
export function createClockCheck(deps: ClockCheckDeps): (servers: readonly string[], run?: CheckRunOptions) => Promise<ClockReading> {
  const samplesPerServer = Math.max(1, deps.options?.samplesPerServer ?? 4)
  const spacingMs = deps.options?.sampleSpacingMs ?? 2000
  const timeoutMs = deps.options?.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS
  const dnsTimeoutMs = deps.options?.dnsTimeoutMs ?? timeoutMs
  const marginMs = deps.options?.marginMs ?? 1
  const maxRootDistanceMs = deps.options?.maxRootDistanceMs ?? 1000
  const sleep = deps.sleep ?? sleepWithTimer
  const { client, backoff } = deps

  const reject = (server: string, address: string | null, reason: RejectReason, detail: string, offsetMs: number | null = null): Outcome => ({
    kind: 'rejected',
    rejected: { server, address, reason, detail, offsetMs },
  })

  /** Honours a Kiss-o'-Death; other codes (and other errors) leave no memory. */
  function remember(server: string, code: string): void {
    if (code === 'RATE' || code === 'DENY' || code === 'RSTR') backoff?.recordKiss(server, code)
  }

  /** What a server's best sample so far says, or why it is unfit. */
  function outcomeOf(server: ServerAddress, address: string, best: SntpSample, good: number): Outcome {
    const reply = best.reply
    const rootDistanceMs = reply.rootDelayMs / 2 + reply.rootDispersionMs
    if (rootDistanceMs > maxRootDistanceMs) {
      return reject(server.label, address, 'too-distant', `root distance ${rootDistanceMs.toFixed(1)} ms`, best.offsetMs)
    }
    const errorMs = Math.max(0, best.delayMs) / 2 + rootDistanceMs + reply.precisionMs + marginMs
    const used: UsedServer = { server: server.label, address, offsetMs: best.offsetMs, delayMs: best.delayMs, errorMs, stratum: reply.stratum, samples: good }
    return { kind: 'answered', candidate: { used, sample: best } }
  }

  async function sampleServer(server: ServerAddress, onFirst: (outcome: Outcome) => void, signal: AbortSignal | undefined): Promise<Outcome> {
    const outcome = await sampleBurst(server, onFirst, signal)
    onFirst(outcome) // no-op when the first round already reported this server
    return outcome
  }

  async function sampleBurst(server: ServerAddress, onFirst: (outcome: Outcome) => void, signal: AbortSignal | undefined): Promise<Outcome> {
    const waitMs = backoff?.blockedForMs(server.label) ?? 0
    if (waitMs > 0) return reject(server.label, null, 'backed-off', `Kiss-o'-Death back-off: next try in ${Math.ceil(waitMs / 1000)} s`)

    const resolved = await client.resolve(server.host, { timeoutMs: dnsTimeoutMs })
    if (!resolved.ok) {
      const { reason, detail } = reasonOfQuery(resolved.error)
      return reject(server.label, null, reason, detail)
    }
    const target = resolved.value
    let best: SntpSample | null = null
    let good = 0
    for (let i = 0; i < samplesPerServer; i++) {
      if (i > 0) {
        onFirst(outcomeOf(server, target.address, best!, good))
        await sleep(spacingMs)
        if (signal?.aborted) break
      }
      const result = await client.queryAddress(target, server.port, { timeoutMs })
      if (result.ok) {
        good += 1
        if (best === null || result.value.delayMs < best.delayMs) best = result.value
        continue
      }
      const error = result.error
      if (error.kind === 'rejected' && error.error.kind === 'kiss-o-death') remember(server.label, error.error.code)
      // After a good exchange, a lost packet or a rate limit only ends the burst;
      // anything else (say, the server now admits it is unsynchronised) discards the server.
      const endsBurstOnly = error.kind === 'timeout' || error.kind === 'socket' || (error.kind === 'rejected' && error.error.kind === 'kiss-o-death')
      if (best !== null && endsBurstOnly) break
      const { reason, detail } = reasonOfQuery(error)
      return reject(server.label, target.address, reason, detail)
    }
    if (best === null) return reject(server.label, target.address, 'timeout', 'no exchange succeeded')
    backoff?.recordSuccess(server.label)
    return outcomeOf(server, target.address, best, good)
  }

  /** Candidates and rejections from outcomes; two names for one address would be one server voting twice. */
  function collect(outcomes: readonly Outcome[], rejected: readonly RejectedServer[]): { candidates: UsedServer[]; rejected: RejectedServer[] } {
    const out = [...rejected]
    const candidates: Candidate[] = []
    for (const outcome of outcomes) {
      if (outcome.kind === 'rejected') out.push(outcome.rejected)
      else if (candidates.some((c) => c.sample.address === outcome.candidate.sample.address && c.sample.port === outcome.candidate.sample.port)) {
        const { used } = outcome.candidate
        out.push({ server: used.server, address: used.address, reason: 'duplicate', detail: 'same address and port as another server', offsetMs: used.offsetMs })
      } else candidates.push(outcome.candidate)
    }
    return { candidates: candidates.map((c) => c.used), rejected: out }
  }

  return async (servers, run) => {
    const rejected: RejectedServer[] = []
    const unique: ServerAddress[] = []
    for (const text of servers) {
      const parsed = parseServer(text)
      if (!parsed.ok) rejected.push({ server: text, address: null, reason: 'bad-server', detail: parsed.error.reason, offsetMs: null })
      else if (unique.some((s) => s.label === parsed.value.label)) rejected.push({ server: parsed.value.label, address: null, reason: 'duplicate', detail: 'listed twice', offsetMs: null })
      else unique.push(parsed.value)
    }
    if (unique.length === 0) return { kind: 'unknown', reason: 'no-servers', used: [], rejected, checkedAt: deps.now() }

    // The first round: each server's first answer (or failure). Published once a majority of ALL servers agree, or all are in.
    const first = new Map<number, Outcome>()
    let published = false
    const onFirst = (index: number) => (outcome: Outcome) => {
      if (published || first.has(index) || run?.provisional === undefined) return
      first.set(index, outcome)
      const { candidates, rejected: early } = collect([...first.values()], rejected)
      const reading = combine(candidates, early, deps.now(), 'ntp')
      if (agreeingShare(reading, unique.length) || (first.size === unique.length && reading.kind === 'measured')) {
        published = true
        run.provisional(reading)
      }
    }
    const outcomes = await Promise.all(unique.map((server, index) => sampleServer(server, onFirst(index), run?.signal)))
    const { candidates, rejected: all } = collect(outcomes, rejected)
    return combine(candidates, all, deps.now(), 'ntp')
  }
}
