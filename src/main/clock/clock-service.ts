import { performance } from 'node:perf_hooks'
import type { ClockHistoryEntry, ClockStatus, ServerResult, Settings } from '../../shared/contract'
import type { Logger } from '../core/log'
import { correctionFor } from './correction'
import { createHttpsCheck } from './https-check'
import type { HostProbeOptions } from './https-date'
import { createHttpsDateTransport } from './https-transport'
import { createKodBackoff } from './kod-backoff'
import { createClockMonitor, type ClockSnapshot, type PersistedClock } from './monitor'
import { createPreciseClock } from './precise-clock'
import type { ClockReading } from './reading'
import { createClockCheck, type ClockCheckOptions } from './select'
import { createSntpClient } from './sntp-query'

export type ClockSettings = Pick<Settings, 'ntpServers' | 'correctedTime' | 'httpsTimeFallback' | 'httpsTimeHosts'>

export type ClockServiceDeps = Readonly<{
  /** System clock, ms since the epoch. */
  now: () => number
  settings: () => ClockSettings
  log: Logger
  /** Between scheduled checks, ms. Default one hour. */
  intervalMs?: number
  checkOptions?: ClockCheckOptions
  /** HTTPS fallback: extra trusted CAs (tests' self-signed loopback certs) and probing options. */
  https?: Readonly<{ ca?: string | readonly string[]; probe?: HostProbeOptions; timeoutMs?: number }>
  /** Wait before retrying a re-check (after resume / network change) that got no answer, ms. */
  settleMs?: number
  /** The last verdict and history of the previous run, and where to keep them. */
  restored?: PersistedClock | null
  persist?: (state: PersistedClock) => void
}>

export interface ClockService {
  status(): ClockStatus
  check(): Promise<ClockStatus>
  history(): ClockHistoryEntry[]
  /** Added to the system clock for codes, ms. */
  correctionMs(): number
  start(): void
  notifyResume(): void
  notifyNetworkChange(): void
  /** Called with the new status on every change (check started, refined or finished, setting changed). */
  onChange(listener: (status: ClockStatus) => void): () => void
  /** Called when the correction codes use changes: codes must be recomputed. */
  onCorrectionChange(listener: (correctionMs: number) => void): () => void
  /** Settings changed: a change of servers or hosts supersedes a running check with one against the new ones. */
  settingsChanged(): void
  stop(): void
}

function serversOf(reading: ClockReading | null): ServerResult[] {
  if (!reading) return []
  const source = reading.kind === 'measured' ? reading.source : 'ntp'
  return [
    ...reading.used.map((u) => ({
      server: u.server,
      source,
      address: u.address,
      used: true,
      reason: null,
      detail: null,
      offsetMs: u.offsetMs,
      delayMs: u.delayMs,
      stratum: u.stratum,
    })),
    ...reading.rejected.map((r) => ({
      server: r.server,
      source: r.source ?? ('ntp' as const),
      address: r.address,
      used: false,
      reason: r.reason,
      detail: r.detail,
      offsetMs: r.offsetMs,
      delayMs: null,
      stratum: null,
    })),
  ]
}

const serverKey = (s: ClockSettings) => JSON.stringify([s.ntpServers, s.httpsTimeFallback, s.httpsTimeHosts])

/**
 * The clock as the app sees it: SNTP checks against the user's servers,
 * with the HTTPS `Date` fallback when none answers; a monitor that
 * re-checks on a schedule, on resume and on network change, keeps the last
 * trusted measurement and persists it; and the correction codes use.
 */
export function createClockService(deps: ClockServiceDeps): ClockService {
  const client = createSntpClient({ now: deps.now })
  // Back-off is timed on a monotonic clock: a clock being fixed must not lift or extend it.
  const backoff = createKodBackoff({ now: () => performance.now() })
  const ntp = createClockCheck({ client, now: deps.now, backoff, ...(deps.checkOptions ? { options: deps.checkOptions } : {}) })
  const preciseNow = createPreciseClock({ now: deps.now, hrNow: () => performance.now() })
  const https = createHttpsCheck({
    now: preciseNow,
    transport: () => createHttpsDateTransport({ now: preciseNow, ...(deps.https?.ca ? { ca: deps.https.ca } : {}), ...(deps.https?.timeoutMs ? { timeoutMs: deps.https.timeoutMs } : {}) }),
    ...(deps.https?.probe ? { options: deps.https.probe } : {}),
  })

  async function check(provisional: (reading: ClockReading) => void, signal: AbortSignal): Promise<ClockReading> {
    const settings = deps.settings()
    const reading = await ntp(settings.ntpServers, { provisional, signal })
    // The fallback never runs while NTP answers, and contacts only the hosts the user was shown in Settings.
    if (reading.kind !== 'unknown' || reading.reason !== 'no-answer' || !settings.httpsTimeFallback || settings.httpsTimeHosts.length === 0 || signal.aborted) return reading
    const fallback = await https(settings.httpsTimeHosts, signal)
    if (fallback.kind === 'measured') return { ...fallback, rejected: [...reading.rejected, ...fallback.rejected] }
    return { ...reading, rejected: [...reading.rejected, ...fallback.rejected] }
  }

  const monitor = createClockMonitor({
    check,
    now: deps.now,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (t) => clearTimeout(t),
    intervalMs: deps.intervalMs ?? 60 * 60 * 1000,
    ...(deps.settleMs !== undefined ? { settleMs: deps.settleMs } : {}),
    ...(deps.restored ? { restored: deps.restored } : {}),
    ...(deps.persist ? { persist: deps.persist } : {}),
    log: deps.log,
  })
  const listeners = new Set<(status: ClockStatus) => void>()
  const correctionListeners = new Set<(correctionMs: number) => void>()

  function toStatus(snapshot: ClockSnapshot): ClockStatus {
    const mode = deps.settings().correctedTime
    return {
      state: snapshot.state,
      measurement: snapshot.measurement,
      doubt: snapshot.doubt,
      checkedAt: snapshot.checkedAt,
      unknownReason: snapshot.unknownReason,
      checking: snapshot.checking,
      correctionMs: correctionFor(mode, snapshot, deps.now()),
      correctionMode: mode,
      timeZone: snapshot.timeZone,
      servers: serversOf(snapshot.reading),
    }
  }
  let lastCorrection = toStatus(monitor.current()).correctionMs
  const publish = () => {
    const status = toStatus(monitor.current())
    for (const listener of listeners) listener(status)
    if (status.correctionMs !== lastCorrection) {
      lastCorrection = status.correctionMs
      for (const listener of correctionListeners) listener(status.correctionMs)
    }
  }
  monitor.onChange(publish)
  let lastServers = serverKey(deps.settings())

  return {
    status: () => toStatus(monitor.current()),
    check: async () => toStatus(await monitor.checkNow()),
    history: () => [...monitor.history()],
    correctionMs: () => correctionFor(deps.settings().correctedTime, monitor.current(), deps.now()),
    start: () => monitor.start(),
    notifyResume: () => monitor.notifyResume(),
    notifyNetworkChange: () => monitor.notifyNetworkChange(),
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    onCorrectionChange(listener) {
      correctionListeners.add(listener)
      return () => correctionListeners.delete(listener)
    },
    settingsChanged() {
      publish()
      const next = serverKey(deps.settings())
      if (next === lastServers) return
      lastServers = next
      void monitor.restart()
    },
    stop: () => monitor.stop(),
  }
}
