import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../core/log'
import { createClockMonitor, type ClockSnapshot } from './monitor'
import type { ClockReading } from './select'

/** Timers driven by hand: `advance` runs whatever falls due, in order. */
function fakeTimers() {
  let now = 0
  let nextId = 1
  const timers = new Map<number, { at: number; run: () => void }>()
  return {
    now: () => now,
    setTimer: (run: () => void, ms: number) => {
      const id = nextId++
      timers.set(id, { at: now + ms, run })
      return id
    },
    clearTimer: (id: number) => void timers.delete(id),
    /** Delays from now of the pending timers. */
    pending: () => [...timers.values()].map((t) => t.at - now),
    advance(ms: number) {
      const end = now + ms
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0]
        if (due === undefined) break
        timers.delete(due[0])
        now = due[1].at
        due[1].run()
      }
      now = end
    },
  }
}

/** A check that waits until the test answers it. */
function fakeCheck() {
  const waiting: ((reading: ClockReading) => void)[] = []
  let calls = 0
  return {
    check: () => {
      calls += 1
      return new Promise<ClockReading>((resolve) => waiting.push(resolve))
    },
    calls: () => calls,
    /** Answers the oldest open check, then lets the monitor's continuation run. */
    async answer(reading: ClockReading) {
      const next = waiting.shift()
      if (next === undefined) throw new Error('no check is waiting')
      next(reading)
      await flush()
    },
  }
}

const flush = () => new Promise<void>((done) => setImmediate(done))
const measured = (offsetMs: number, errorMs = 1): ClockReading => ({ kind: 'measured', offsetMs, errorMs, used: [], rejected: [], checkedAt: 0 })
const unknown: ClockReading = { kind: 'unknown', reason: 'no-answer', used: [], rejected: [], checkedAt: 0 }
const HOUR = 3_600_000

function setup(options: { historySize?: number } = {}) {
  const timers = fakeTimers()
  const fake = fakeCheck()
  const log = createMemoryLogger()
  const monitor = createClockMonitor({ ...timers, check: fake.check, intervalMs: HOUR, settleMs: 3_000, log, ...options })
  const seen: ClockSnapshot[] = []
  monitor.onChange((s) => seen.push(s))
  return { timers, fake, monitor, seen, log }
}

describe('clock monitor', () => {
  it('starts unknown, with nothing measured', () => {
    const { monitor } = setup()
    expect(monitor.current()).toMatchObject({ state: 'unknown', offsetMs: null, checkedAt: null, checking: false, reading: null })
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
    expect(monitor.current()).toMatchObject({ state: 'ok', offsetMs: 120, errorMs: 1, checkedAt: 10, checking: false })
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

  it('resume and network changes check after a settle delay, a burst costing one check', async () => {
    const { timers, fake, monitor } = setup()
    monitor.start()
    await fake.answer(measured(0))
    monitor.notifyNetworkChange()
    monitor.notifyNetworkChange()
    monitor.notifyResume()
    expect(fake.calls()).toBe(1)
    expect(timers.pending()).toEqual([3_000])
    timers.advance(3_000)
    expect(fake.calls()).toBe(2)
    await fake.answer(measured(0))
    expect(timers.pending()).toEqual([HOUR])
  })

  it('a change during a check asks for another soon after it, since its result may predate the change', async () => {
    const { timers, fake, monitor } = setup()
    monitor.start()
    monitor.notifyResume()
    expect(fake.calls()).toBe(1)
    await fake.answer(unknown)
    expect(timers.pending()).toEqual([3_000])
    timers.advance(3_000)
    expect(fake.calls()).toBe(2)
  })

  it('goes through ok -> critical -> unknown -> ok, telling listeners, keeping the last measurement', async () => {
    const { fake, monitor, seen } = setup()
    monitor.start()
    await fake.answer(measured(100))
    void monitor.checkNow()
    await fake.answer(measured(-3 * HOUR + 30_000, 5))
    expect(monitor.current()).toMatchObject({ state: 'critical', timeZoneHours: -3 })
    void monitor.checkNow()
    await fake.answer(unknown)
    expect(monitor.current()).toMatchObject({
      state: 'unknown',
      offsetMs: null,
      errorMs: null,
      timeZoneHours: null,
      lastMeasured: { offsetMs: -3 * HOUR + 30_000, errorMs: 5 },
      reading: unknown,
    })
    void monitor.checkNow()
    await fake.answer(measured(-2))
    expect(seen.filter((s) => !s.checking).map((s) => s.state)).toEqual(['ok', 'critical', 'unknown', 'ok'])
    expect(monitor.history().map((h) => [h.state, h.offsetMs])).toEqual([
      ['ok', 100],
      ['critical', -3 * HOUR + 30_000],
      ['unknown', null],
      ['ok', -2],
    ])
  })

  it('keeps a bounded history, oldest first', async () => {
    const { fake, monitor, timers } = setup({ historySize: 3 })
    for (let i = 1; i <= 5; i++) {
      timers.advance(1)
      void monitor.checkNow()
      await fake.answer(measured(i))
    }
    expect(monitor.history()).toEqual([
      { at: 3, state: 'ok', offsetMs: 3, errorMs: 1 },
      { at: 4, state: 'ok', offsetMs: 4, errorMs: 1 },
      { at: 5, state: 'ok', offsetMs: 5, errorMs: 1 },
    ])
  })

  it('a check that throws reads as unknown and the schedule goes on', async () => {
    const timers = fakeTimers()
    const log = createMemoryLogger()
    const monitor = createClockMonitor({ ...timers, check: () => Promise.reject(new Error('bug')), intervalMs: HOUR, log })
    monitor.start()
    await flush()
    expect(monitor.current()).toMatchObject({ state: 'unknown', checking: false, reading: { kind: 'unknown', reason: 'check-failed' } })
    expect(timers.pending()).toEqual([HOUR])
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
