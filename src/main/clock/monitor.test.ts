import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../core/log'
import { createClockMonitor, type ClockSnapshot, type PersistedClock } from './monitor'
import type { ClockReading } from './select'
import { fakeTimers } from '../../../test/helpers/fake-timers'

/** A check that waits until the test answers it. */
function fakeCheck() {
  const waiting: { resolve: (reading: ClockReading) => void; provisional: (reading: ClockReading) => void; signal: AbortSignal }[] = []
  const signals: AbortSignal[] = []
  let calls = 0
  return {
    check: (provisional: (reading: ClockReading) => void, signal: AbortSignal) => {
      calls += 1
      signals.push(signal)
      return new Promise<ClockReading>((resolve) => waiting.push({ resolve, provisional, signal }))
    },
    calls: () => calls,
    signals,
    /** Answers the oldest open check, then lets the monitor's continuation run. */
    async answer(reading: ClockReading) {
      const next = waiting.shift()
      if (next === undefined) throw new Error('no check is waiting')
      next.resolve(reading)
      await flush()
    },
    /** The first round of the newest open check is in. */
    early(reading: ClockReading) {
      waiting[waiting.length - 1]!.provisional(reading)
    },
  }
}

const flush = () => new Promise<void>((done) => setImmediate(done))
const measured = (offsetMs: number, errorMs = 1): ClockReading => ({ kind: 'measured', source: 'ntp', offsetMs, errorMs, used: [], rejected: [], checkedAt: 0 })
const unknown: ClockReading = { kind: 'unknown', reason: 'no-answer', used: [], rejected: [], checkedAt: 0 }
const HOUR = 3_600_000
const RETRY = 5 * 60_000

function setup(options: Partial<Parameters<typeof createClockMonitor<number>>[0]> = {}) {
  const timers = fakeTimers()
  const fake = fakeCheck()
  const log = createMemoryLogger()
  const persisted: PersistedClock[] = []
  const monitor = createClockMonitor({ ...timers, check: fake.check, intervalMs: HOUR, settleMs: 3_000, log, persist: (p) => persisted.push(p), ...options })
  const seen: ClockSnapshot[] = []
  monitor.onChange((s) => seen.push(s))
  return { timers, fake, monitor, seen, log, persisted }
}

describe('clock monitor', () => {
  it('starts unknown, with nothing measured', () => {
    const { monitor } = setup()
    expect(monitor.current()).toMatchObject({ state: 'unknown', measurement: null, checkedAt: null, checking: false, reading: null })
    expect(monitor.history()).toEqual([])
  })

  it('checks at start, then once per interval after each check ends', async () => {
    const { timers, fake, monitor, seen } = setup()
    monitor.start()
    monitor.start() // idempotent
    expect(fake.calls()).toBe(1)
    expect(monitor.current().checking).toBe(true)
    timers.advance(10)
    await fake.answer(measured(120))
    expect(monitor.current()).toMatchObject({ state: 'ok', measurement: { offsetMs: 120, errorMs: 1, at: 10, source: 'ntp' }, checkedAt: 10, checking: false })
    expect(seen.map((s) => s.checking)).toEqual([true, false])
    expect(timers.pending()).toEqual([HOUR])
    timers.advance(HOUR - 1)
    expect(fake.calls()).toBe(1)
    timers.advance(1)
    expect(fake.calls()).toBe(2)
  })

  it('shares one check among concurrent callers', async () => {
    const { fake, monitor } = setup()
    monitor.start()
    const a = monitor.checkNow()
    const b = monitor.checkNow()
    expect(fake.calls()).toBe(1)
    await fake.answer(measured(7_000))
    const [sa, sb] = await Promise.all([a, b])
    expect(sa).toBe(sb)
    expect(sa.state).toBe('warn')
  })

  it('checkNow runs at once and restarts the schedule from its end', async () => {
    const { timers, fake, monitor } = setup()
    monitor.start()
    await fake.answer(measured(0))
    timers.advance(HOUR / 2)
    const done = monitor.checkNow()
    expect(fake.calls()).toBe(2)
    expect(timers.pending()).toEqual([])
    await fake.answer(measured(0))
    await done
    expect(timers.pending()).toEqual([HOUR])
  })

  it('checkNow works before start, without starting a schedule', async () => {
    const { timers, fake, monitor } = setup()
    const done = monitor.checkNow()
    await fake.answer(measured(20_000))
    expect((await done).state).toBe('critical')
    expect(timers.pending()).toEqual([])
  })

  it('a failed check keeps the last trusted measurement, with its time, and retries sooner', async () => {
    const { timers, fake, monitor } = setup()
    monitor.start()
    timers.advance(5)
    await fake.answer(measured(-37_000))
    timers.advance(HOUR)
    await fake.answer(unknown)
    expect(monitor.current()).toMatchObject({
      state: 'critical',
      measurement: { offsetMs: -37_000, at: 5 },
      doubt: null,
      unknownReason: 'no-answer',
      checkedAt: HOUR + 5,
    })
    expect(timers.pending()).toEqual([RETRY])
    // Servers that disagree do not undo it either.
    timers.advance(RETRY)
    await fake.answer({ ...unknown, reason: 'no-majority' })
    expect(monitor.current()).toMatchObject({ state: 'critical', unknownReason: 'no-majority', measurement: { offsetMs: -37_000 } })
  })

  it('a wake from sleep makes the measurement doubtful at once and re-checks at once', async () => {
    const { timers, fake, monitor } = setup()
    monitor.start()
    await fake.answer(measured(-37_000))
    monitor.notifyResume()
    expect(monitor.current()).toMatchObject({ state: 'unknown', doubt: 'resume', checking: true, measurement: { offsetMs: -37_000 } })
    expect(fake.calls()).toBe(2)
    // No answer yet (the network is still waking up): still in doubt, and tried again after the settle delay.
    await fake.answer(unknown)
    expect(monitor.current()).toMatchObject({ state: 'unknown', doubt: 'resume', unknownReason: 'no-answer' })
    expect(timers.pending()).toEqual([3_000])
    timers.advance(3_000)
    await fake.answer(measured(-36_500))
    expect(monitor.current()).toMatchObject({ state: 'critical', doubt: null, measurement: { offsetMs: -36_500 } })
  })

  it('a network change during a check supersedes it: its result may predate the change', async () => {
    const { fake, monitor } = setup()
    monitor.start()
    await fake.answer(measured(9_000))
    const waiting = monitor.checkNow()
    monitor.notifyNetworkChange()
    expect(fake.signals[1]!.aborted).toBe(true)
    expect(fake.calls()).toBe(3)
    await fake.answer(measured(1)) // the superseded check's late answer is ignored
    expect(monitor.current()).toMatchObject({ doubt: 'network', checking: true })
    await fake.answer(measured(9_100))
    expect((await waiting).measurement?.offsetMs).toBe(9_100)
    expect(monitor.history().map((h) => h.offsetMs)).toEqual([9_000, 9_100])
  })

  it('restart (new servers) cancels the running check and checks the new ones; callers get the new result', async () => {
    const { fake, monitor } = setup()
    monitor.start()
    const old = monitor.checkNow()
    const fresh = monitor.restart()
    expect(fake.signals[0]!.aborted).toBe(true)
    expect(fake.calls()).toBe(2)
    await fake.answer(measured(50_000))
    expect(monitor.current().checking).toBe(true)
    await fake.answer(measured(200))
    expect((await old).measurement?.offsetMs).toBe(200)
    expect((await fresh).state).toBe('ok')
    // Servers changing do not make the measurement doubtful.
    expect(monitor.current().doubt).toBeNull()
  })

  it('publishes the first round at once, then the refined result; one history entry per check', async () => {
    const { fake, monitor, seen } = setup()
    monitor.start()
    fake.early(measured(-37_020, 3))
    expect(monitor.current()).toMatchObject({ state: 'critical', checking: true, measurement: { offsetMs: -37_020 } })
    await fake.answer(measured(-37_001, 1))
    expect(monitor.current()).toMatchObject({ state: 'critical', checking: false, measurement: { offsetMs: -37_001, errorMs: 1 } })
    expect(seen.map((s) => [s.checking, s.measurement?.offsetMs ?? null])).toEqual([
      [true, null],
      [true, -37_020],
      [false, -37_001],
    ])
    expect(monitor.history()).toHaveLength(1)
  })

  it('recognises a half-hour time zone and keeps what remains beyond it', async () => {
    const { fake, monitor } = setup()
    monitor.start()
    await fake.answer(measured(-(5.5 * HOUR) - 8_000, 5))
    expect(monitor.current()).toMatchObject({ state: 'critical', timeZone: { zoneMinutes: -330, residualMs: -8_000 } })
  })

  it('persists the verdict and history after each check, and a restart applies them at once', async () => {
    const { timers, fake, monitor, persisted } = setup()
    monitor.start()
    timers.advance(7)
    await fake.answer(measured(-37_000))
    expect(persisted.at(-1)).toEqual({ measurement: expect.objectContaining({ offsetMs: -37_000, at: 7 }), history: [{ at: 7, state: 'critical', offsetMs: -37_000, errorMs: 1, source: 'ntp' }] })
    const again = setup({ restored: persisted.at(-1)! })
    expect(again.monitor.current()).toMatchObject({ state: 'critical', measurement: { offsetMs: -37_000, at: 7 }, checking: false })
    expect(again.monitor.history()).toHaveLength(1)
  })

  it('keeps a bounded history, oldest first', async () => {
    const { fake, monitor, timers } = setup({ historySize: 3 })
    for (let i = 1; i <= 5; i++) {
      timers.advance(1)
      void monitor.checkNow()
      await fake.answer(i === 4 ? unknown : measured(i))
    }
    expect(monitor.history()).toEqual([
      { at: 3, state: 'ok', offsetMs: 3, errorMs: 1, source: 'ntp' },
      { at: 4, state: 'unknown', offsetMs: null, errorMs: null, source: null },
      { at: 5, state: 'ok', offsetMs: 5, errorMs: 1, source: 'ntp' },
    ])
  })

  it('a check that throws reads as unknown and the schedule goes on', async () => {
    const timers = fakeTimers()
    const log = createMemoryLogger()
    const monitor = createClockMonitor({ ...timers, check: () => Promise.reject(new Error('bug')), intervalMs: HOUR, log })
    monitor.start()
    await flush()
    expect(monitor.current()).toMatchObject({ state: 'unknown', checking: false, unknownReason: 'check-failed', reading: { kind: 'unknown', reason: 'check-failed' } })
    expect(timers.pending()).toEqual([RETRY])
    expect(log.lines.some((l) => l.includes('clock check failed: bug'))).toBe(true)
  })

  it('stop cancels the schedule and ignores later notifications', async () => {
    const { timers, fake, monitor } = setup()
    monitor.start()
    monitor.stop()
    await fake.answer(measured(0))
    expect(monitor.current().state).toBe('ok')
    monitor.notifyResume()
    expect(timers.pending()).toEqual([])
    expect(fake.calls()).toBe(1)
  })

  it('a listener that throws does not break the monitor; unsubscribing works', async () => {
    const { fake, monitor, seen, log } = setup()
    const off = monitor.onChange(() => {
      throw new Error('listener bug')
    })
    monitor.start()
    await fake.answer(measured(0))
    off()
    expect(seen).toHaveLength(2)
    expect(log.lines.filter((l) => l.includes('listener bug'))).toHaveLength(2)
    void monitor.checkNow()
    await fake.answer(measured(0))
    expect(log.lines.filter((l) => l.includes('listener bug'))).toHaveLength(2)
  })
})
