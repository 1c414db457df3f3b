import type { ClockHistoryEntry, ClockMeasurement, ClockState, UnknownReason } from '../../shared/contract'
import { probableTimeZone, type TimeZoneMistake } from '../../shared/time-zone'
import type { Logger } from '../core/log'
import type { ClockReading } from './select'
import { classifyOffset } from './status'

/** One check. `provisional` is called with early readings (the first round) before the final one resolves; `signal` aborts a superseded check. */
export type ClockCheckRun = (provisional: (reading: ClockReading) => void, signal: AbortSignal) => Promise<ClockReading>

export type PersistedClock = Readonly<{ measurement: ClockMeasurement | null; history: readonly ClockHistoryEntry[] }>

export type ClockMonitorDeps<Timer> = Readonly<{
  /** One full check, e.g. against `settings.get().ntpServers`. Should not throw; if it does, the reading is `unknown`. */
  check: ClockCheckRun
  /** System clock, ms since the epoch: stamps readings and history. */
  now: () => number
  setTimer: (callback: () => void, ms: number) => Timer
  clearTimer: (timer: Timer) => void
  /** Time from the end of one check to the next scheduled one, ms. */
  intervalMs: number
  /** After a check that gave no number (offline), the next one comes sooner: this long, ms. Default 5 min. */
  retryMs?: number
  /**
   * After a re-check of a doubtful measurement that got no answer, try once
   * more after this long, ms. Default 3000: the network is rarely usable at
   * the very moment the OS reports a wake or a new network.
   */
  settleMs?: number
  /** Readings kept for the chart. Default 200. */
  historySize?: number
  /** What the last run left (the last verdict and the history), applied at once. */
  restored?: PersistedClock | null
  /** Called after every finished check with what to keep across restarts. */
  persist?: (state: PersistedClock) => void
  log?: Pick<Logger, 'warn'>
}>

export type ClockSnapshot = Readonly<{
  /** Verdict on `measurement`; `unknown` when there is none or it is in doubt. */
  state: ClockState
  /** The last trusted measurement, kept across failed checks and restarts. */
  measurement: ClockMeasurement | null
  /** The measurement predates a wake or a network change and has not been re-checked yet. */
  doubt: 'resume' | 'network' | null
  /** When the latest check finished, ms since the epoch; null before the first one. */
  checkedAt: number | null
  /** Why the latest check gave no number; null when it measured. */
  unknownReason: UnknownReason | null
  checking: boolean
  /** The measurement is close to a real UTC offset. */
  timeZone: TimeZoneMistake | null
  /** The latest reading (provisional while checking), with the servers used and rejected and why. */
  reading: ClockReading | null
}>

export interface ClockMonitor {
  /** Checks now, then every `intervalMs`. Idempotent. */
  start(): void
  /** Cancels the schedule; a check in flight still completes and is recorded. */
  stop(): void
  /** Checks now, or joins the check already running. Works whether or not started. */
  checkNow(): Promise<ClockSnapshot>
  /** The servers changed: a running check is superseded by one against the new ones. */
  restart(): Promise<ClockSnapshot>
  /** The computer woke up: its clock may have jumped. The measurement is doubtful until re-checked, at once. */
  notifyResume(): void
  /** The network changed: the measurement is doubtful until re-checked, at once. */
  notifyNetworkChange(): void
  current(): ClockSnapshot
  /** Oldest first, at most `historySize` entries. */
  history(): readonly ClockHistoryEntry[]
  /** Called with the new snapshot whenever it changes. Returns an unsubscribe. */
  onChange(listener: (snapshot: ClockSnapshot) => void): () => void
}

/** The measurement a reading gives, stamped `at`; null for a reading without a number. */
export function measurementOf(reading: ClockReading, at: number): ClockMeasurement | null {
  if (reading.kind !== 'measured') return null
  const outvoted = reading.rejected.filter((r) => r.reason === 'falseticker').length
  const { offsetMs, errorMs, source } = reading
  return { offsetMs, errorMs, at, source, answered: reading.used.length + outvoted, agreed: reading.used.length }
}

function verdict(measurement: ClockMeasurement | null, doubt: ClockSnapshot['doubt']): Pick<ClockSnapshot, 'state' | 'timeZone'> {
  if (measurement === null || doubt !== null) return { state: 'unknown', timeZone: null }
  const state = classifyOffset(measurement.offsetMs, measurement.errorMs)
  return { state, timeZone: state === 'unknown' ? null : probableTimeZone(measurement.offsetMs) }
}

/**
 * Keeps the clock status fresh and lasting: a check at start, on a
 * schedule, on demand, and at once after a wake or a network change. A
 * failed check keeps the last trusted measurement (its age is shown); only
 * a new measurement replaces it, and a wake or network change makes it
 * doubtful until re-checked. The first round of a check is published as
 * soon as it is in, then refined. Timers are injected, so tests drive the
 * schedule without waiting.
 */
export function createClockMonitor<Timer>(deps: ClockMonitorDeps<Timer>): ClockMonitor {
  const retryMs = deps.retryMs ?? 5 * 60_000
  const settleMs = deps.settleMs ?? 3000
  const historySize = Math.max(1, deps.historySize ?? 200)
  const listeners = new Set<(snapshot: ClockSnapshot) => void>()
  const entries: ClockHistoryEntry[] = [...(deps.restored?.history ?? [])].slice(-historySize)
  const restored = deps.restored?.measurement ?? null
  let snapshot: ClockSnapshot = { ...verdict(restored, null), measurement: restored, doubt: null, checkedAt: null, unknownReason: null, checking: false, reading: null }
  let started = false
  let timer: { handle: Timer } | null = null
  let running: { controller: AbortController } | null = null
  let waiters: ((s: ClockSnapshot) => void)[] = []

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
        void checkNow()
      }, ms),
    }
  }

  function withMeasurement(base: ClockSnapshot, measurement: ClockMeasurement | null, doubt: ClockSnapshot['doubt']): ClockSnapshot {
    return { ...base, measurement, doubt, ...verdict(measurement, doubt) }
  }

  function finish(reading: ClockReading): ClockSnapshot {
    const at = deps.now()
    const fresh = measurementOf(reading, at)
    entries.push({ at, state: fresh ? classifyOffset(fresh.offsetMs, fresh.errorMs) : 'unknown', offsetMs: fresh?.offsetMs ?? null, errorMs: fresh?.errorMs ?? null, source: fresh?.source ?? null })
    if (entries.length > historySize) entries.splice(0, entries.length - historySize)
    const unknownReason = reading.kind === 'unknown' ? reading.reason : null
    const base = { ...snapshot, checkedAt: at, checking: false, reading, unknownReason }
    return fresh ? withMeasurement(base, fresh, null) : withMeasurement(base, snapshot.measurement, snapshot.doubt)
  }

  async function run(controller: AbortController): Promise<void> {
    let reading: ClockReading
    const provisional = (early: ClockReading) => {
      if (controller.signal.aborted) return
      const fresh = measurementOf(early, deps.now())
      if (fresh) publish(withMeasurement({ ...snapshot, reading: early, unknownReason: null }, fresh, null))
    }
    try {
      reading = await deps.check(provisional, controller.signal)
    } catch (e) {
      deps.log?.warn(`clock check failed: ${e instanceof Error ? e.message : String(e)}`)
      reading = { kind: 'unknown', reason: 'check-failed', used: [], rejected: [], checkedAt: deps.now() }
    }
    if (controller.signal.aborted) return
    running = null
    const wasDoubtful = snapshot.doubt !== null
    publish(finish(reading))
    deps.persist?.({ measurement: snapshot.measurement, history: [...entries] })
    if (started) schedule(reading.kind === 'measured' ? deps.intervalMs : wasDoubtful ? settleMs : Math.min(retryMs, deps.intervalMs))
    const ready = waiters
    waiters = []
    for (const resolve of ready) resolve(snapshot)
  }

  function begin(): void {
    if (timer !== null) deps.clearTimer(timer.handle)
    timer = null
    const controller = new AbortController()
    publish({ ...snapshot, checking: true })
    running = { controller }
    void run(controller)
  }

  function checkNow(): Promise<ClockSnapshot> {
    const result = new Promise<ClockSnapshot>((resolve) => waiters.push(resolve))
    if (running === null) begin()
    return result
  }

  /** Drops a running check (its result would be stale) and starts a new one; its waiters get the new result. */
  function supersede(): Promise<ClockSnapshot> {
    running?.controller.abort()
    running = null
    return checkNow()
  }

  function onEnvironmentChange(why: 'resume' | 'network'): void {
    if (!started) return
    if (snapshot.measurement !== null) publish(withMeasurement(snapshot, snapshot.measurement, why))
    void supersede()
  }

  return {
    start() {
      if (started) return
      started = true
      void checkNow()
    },
    stop() {
      started = false
      if (timer !== null) deps.clearTimer(timer.handle)
      timer = null
    },
    checkNow,
    restart: supersede,
    notifyResume: () => onEnvironmentChange('resume'),
    notifyNetworkChange: () => onEnvironmentChange('network'),
    current: () => snapshot,
    history: () => [...entries],
    onChange(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}
