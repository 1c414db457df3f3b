import { performance } from 'node:perf_hooks'
import type { ClockHistoryEntry, ClockStatus, ServerResult, Settings } from '../../shared/contract'
import type { Logger } from '../core/log'
import { correctionFor } from './correction'
import { createKodBackoff } from './kod-backoff'
import { createClockMonitor, type ClockSnapshot } from './monitor'
import { createClockCheck, type ClockCheckOptions, type ClockReading } from './select'
import { createSntpClient } from './sntp-query'

export type ClockServiceDeps = Readonly<{
  /** System clock, ms since the epoch. */
  now: () => number
  settings: () => Pick<Settings, 'ntpServers' | 'correctedTime'>
  log: Logger
  /** Between scheduled checks, ms. Default one hour. */
  intervalMs?: number
  checkOptions?: ClockCheckOptions
  /** Wait after resume / network change before checking, ms. */
  settleMs?: number
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
  /** Called with the new status on every change (check started or finished, setting changed). */
  onChange(listener: (status: ClockStatus) => void): () => void
  /** Settings changed (servers or correction mode). */
  settingsChanged(): void
  stop(): void
}

function serversOf(reading: ClockReading | null): ServerResult[] {
  if (!reading) return []
  return [
    ...reading.used.map((u) => ({
      server: u.server,
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

/**
 * The clock as the app sees it: SNTP checks against the user's servers, a
 * monitor that re-checks on a schedule, on resume and on network change,
 * and the correction codes use.
 */
export function createClockService(deps: ClockServiceDeps): ClockService {
  const client = createSntpClient({ now: deps.now })
  // Back-off is timed on a monotonic clock: a clock being fixed must not lift or extend it.
  const backoff = createKodBackoff({ now: () => performance.now() })
  const check = createClockCheck({ client, now: deps.now, backoff, ...(deps.checkOptions ? { options: deps.checkOptions } : {}) })
  const monitor = createClockMonitor({
    check: () => check(deps.settings().ntpServers),
    now: deps.now,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (t) => clearTimeout(t),
    intervalMs: deps.intervalMs ?? 60 * 60 * 1000,
    ...(deps.settleMs !== undefined ? { settleMs: deps.settleMs } : {}),
    log: deps.log,
  })
  const listeners = new Set<(status: ClockStatus) => void>()

  function toStatus(snapshot: ClockSnapshot): ClockStatus {
    const mode = deps.settings().correctedTime
    return {
      state: snapshot.state,
      offsetMs: snapshot.offsetMs,
      errorMs: snapshot.errorMs,
      checkedAt: snapshot.checkedAt,
      checking: snapshot.checking,
      correctionMs: correctionFor(mode, snapshot, deps.now()),
      correctionMode: mode,
      timeZoneHours: snapshot.timeZoneHours,
      unknownReason: snapshot.reading?.kind === 'unknown' ? snapshot.reading.reason : null,
      lastMeasured: snapshot.lastMeasured,
      servers: serversOf(snapshot.reading),
    }
  }
  const publish = () => {
    const status = toStatus(monitor.current())
    for (const listener of listeners) listener(status)
  }
  monitor.onChange(publish)

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
    settingsChanged: publish,
    stop: () => monitor.stop(),
  }
}
