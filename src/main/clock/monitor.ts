import type { ClockHistoryEntry, ClockState } from '../../shared/contract'
import type { Logger } from '../core/log'
import type { ClockReading } from './select'
import { classifyReading, probableTimeZoneHours } from './status'

export type ClockMonitorDeps<Timer> = Readonly<{
  /** One full check, e.g. `() => clockCheck(settings.get().ntpServers)`. Should not throw; if it does, the reading is `unknown`. */
  check: () => Promise<ClockReading>
  /** System clock, ms since the epoch: stamps readings and history. */
  now: () => number
  setTimer: (callback: () => void, ms: number) => Timer
  clearTimer: (timer: Timer) => void
  /** Time from the end of one check to the next scheduled one, ms. */
  intervalMs: number
  /**
   * Wait after a resume or network change before checking, ms. Default 3000:
   * the network is rarely usable at the moment the OS reports it, and a burst
   * of events then costs one check.
   */
  settleMs?: number
  /** Readings kept for the chart. Default 200. */
  historySize?: number
  log?: Pick<Logger, 'warn'>
}>

export type MeasuredSummary = Readonly<{ offsetMs: number; errorMs: number; checkedAt: number }>

export type ClockSnapshot = Readonly<{
  state: ClockState
  /** Of the latest reading; null when it is unknown. Server minus system clock, ms. */
  offsetMs: number | null
  errorMs: number | null
  /** When the latest check finished, ms since the epoch; null before the first one. */
  checkedAt: number | null
  checking: boolean
  /** Whole hours the offset is close to (a likely time-zone mistake), else null. */
  timeZoneHours: number | null
  /** The latest full reading, with the servers used and rejected and why. */
  reading: ClockReading | null
  /** The latest reading that had a number, kept across `unknown` ones (offline for a while). */
  lastMeasured: MeasuredSummary | null
}>

export interface ClockMonitor {
  /** Checks now, then every `intervalMs`. Idempotent. */
  start(): void
  /** Cancels the schedule; a check in flight still completes and is recorded. */
  stop(): void
  /** Checks now, or joins the check already running. Works whether or not started. */
  checkNow(): Promise<ClockSnapshot>
  /** The computer woke up: its clock may have jumped. Checks after `settleMs`. */
  notifyResume(): void
  /** The network changed: servers may be reachable now. Checks after `settleMs`. */
  notifyNetworkChange(): void
  current(): ClockSnapshot
  /** Oldest first, at most `historySize` entries. */
  history(): readonly ClockHistoryEntry[]
  /** Called with the new snapshot whenever it changes (a check starts or ends). Returns an unsubscribe. */
  onChange(listener: (snapshot: ClockSnapshot) => void): () => void
}

const initialSnapshot: ClockSnapshot = {
  state: 'unknown',
  offsetMs: null,
  errorMs: null,
  checkedAt: null,
  checking: false,
  timeZoneHours: null,
  reading: null,
  lastMeasured: null,
}

/**
 * Keeps the clock status fresh: a check at start, on a schedule, on demand,
 * after resume and after a network change. Only one check runs at a time;
 * callers during a check share its result. Timers are injected, so tests
 * drive the schedule without waiting.
 */
export function createClockMonitor<Timer>(deps: ClockMonitorDeps<Timer>): ClockMonitor {
  const settleMs = deps.settleMs ?? 3000
  const historySize = Math.max(1, deps.historySize ?? 200)
  const listeners = new Set<(snapshot: ClockSnapshot) => void>()
  const entries: ClockHistoryEntry[] = []
  let snapshot = initialSnapshot
  let started = false
  let timer: { handle: Timer } | null = null
  let inFlight: Promise<ClockSnapshot> | null = null
  /** A resume or network change arrived during a check: its result may predate the change. */
  let recheckSoon = false

  function publish(next: ClockSnapshot): void {
    snapshot = next
    for (const listener of [...listeners]) {
      try {
        listener(next)
      } catch (e) {
        deps.log?.warn(`clock listener failed: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
  }

  function schedule(ms: number): void {
    if (timer !== null) deps.clearTimer(timer.handle)
    timer = {
      handle: deps.setTimer(() => {
        timer = null
        void runCheck()
      }, ms),
    }
  }

  async function readOnce(): Promise<ClockReading> {
    try {
      return await deps.check()
    } catch (e) {
      deps.log?.warn(`clock check failed: ${e instanceof Error ? e.message : String(e)}`)
      return { kind: 'unknown', reason: 'check-failed', used: [], rejected: [], checkedAt: deps.now() }
    }
  }

  function record(reading: ClockReading): ClockSnapshot {
    const state = classifyReading(reading)
    const at = deps.now()
    const measured = reading.kind === 'measured'
    const offsetMs = measured ? reading.offsetMs : null
    const errorMs = measured ? reading.errorMs : null
    entries.push({ at, state, offsetMs, errorMs })
    if (entries.length > historySize) entries.splice(0, entries.length - historySize)
    return {
      state,
      offsetMs,
      errorMs,
      checkedAt: at,
      checking: false,
      timeZoneHours: offsetMs === null ? null : probableTimeZoneHours(offsetMs),
      reading,
      lastMeasured: measured ? { offsetMs: reading.offsetMs, errorMs: reading.errorMs, checkedAt: at } : snapshot.lastMeasured,
    }
  }

  function runCheck(): Promise<ClockSnapshot> {
    if (inFlight !== null) return inFlight
    if (timer !== null) {
      deps.clearTimer(timer.handle)
      timer = null
    }
    publish({ ...snapshot, checking: true })
    inFlight = (async () => {
      const reading = await readOnce()
      inFlight = null
      publish(record(reading))
      if (started) schedule(recheckSoon ? settleMs : deps.intervalMs)
      recheckSoon = false
      return snapshot
    })()
    return inFlight
  }

  function onEnvironmentChange(): void {
    if (!started) return
    if (inFlight !== null) recheckSoon = true
    else schedule(settleMs)
  }

  return {
    start() {
      if (started) return
      started = true
      void runCheck()
    },
    stop() {
      started = false
      recheckSoon = false
      if (timer !== null) deps.clearTimer(timer.handle)
      timer = null
    },
    checkNow: runCheck,
    notifyResume: onEnvironmentChange,
    notifyNetworkChange: onEnvironmentChange,
    current: () => snapshot,
    history: () => [...entries],
    onChange(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}
