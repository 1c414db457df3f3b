import { combine, type ClockReading, type RejectedServer, type UsedServer } from './reading'
import { probeHost, type DateFetcher, type HostProbeOptions } from './https-date'
import { parseServer, type ServerAddress } from './server-address'

export const HTTPS_PORT = 443

export type HttpsCheckDeps = Readonly<{
  /** System clock with sub-ms resolution, ms since the epoch. */
  now: () => number
  /** A transport per check (one kept-alive connection per host), closed when the check ends. */
  transport: () => Readonly<{ fetch: DateFetcher; close(): void }>
  sleep?: (ms: number) => Promise<void>
  options?: HostProbeOptions
}>

const sleepWithTimer = (ms: number) => new Promise<void>((done) => setTimeout(done, ms))

/**
 * The fallback when no NTP server answers: the offset from the `Date`
 * headers of several HTTPS sites at once (see `probeHost`), combined with
 * the same intersection as NTP servers, so one wrong site cannot move the
 * result either. Only the hosts passed in are contacted.
 */
export function createHttpsCheck(deps: HttpsCheckDeps): (hosts: readonly string[], signal?: AbortSignal) => Promise<ClockReading> {
  const sleep = deps.sleep ?? sleepWithTimer
  return async (hosts, signal) => {
    const rejected: RejectedServer[] = []
    const unique: ServerAddress[] = []
    for (const text of hosts) {
      const parsed = parseServer(text, HTTPS_PORT)
      if (!parsed.ok) rejected.push({ server: text, address: null, reason: 'bad-server', detail: parsed.error.reason, offsetMs: null, source: 'https' })
      else if (unique.some((s) => s.label === parsed.value.label)) rejected.push({ server: parsed.value.label, address: null, reason: 'duplicate', detail: 'listed twice', offsetMs: null, source: 'https' })
      else unique.push(parsed.value)
    }
    if (unique.length === 0) return { kind: 'unknown', reason: 'no-servers', used: [], rejected, checkedAt: deps.now() }
    const transport = deps.transport()
    try {
      const probeDeps = { now: deps.now, fetch: transport.fetch, sleep, ...(signal ? { signal } : {}) }
      const outcomes = await Promise.all(unique.map((host) => probeHost(host, probeDeps, deps.options)))
      const candidates: UsedServer[] = []
      for (const outcome of outcomes) {
        if (outcome.kind === 'answered') candidates.push(outcome.used)
        else rejected.push(outcome.rejected)
      }
      return combine(candidates, rejected, deps.now(), 'https')
    } finally {
      transport.close()
    }
  }
}
