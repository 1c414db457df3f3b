import { describe, expect, it } from 'vitest'
import { createPreciseClock } from './precise-clock'

/** A fake pair of clocks: `true` advances in µs steps on every read; the system clock floors it (and can be stepped). */
function fakeClocks(startMs: number) {
  let trueMs = startMs
  let step = 0
  return {
    hrNow: () => (trueMs += 0.001) - startMs,
    now: () => Math.floor(trueMs + step),
    trueNow: () => trueMs + step,
    stepSystemClock: (ms: number) => void (step += ms),
    wait: (ms: number) => void (trueMs += ms),
  }
}

describe('precise system clock', () => {
  it('a pause between the two readings while anchoring (a busy machine) does not shift the first reading', () => {
    // Found as a negative SNTP delay (−5.7 ms) on loopback: T1 came from an anchor whose
    // system-clock reading was taken several ms after its monotonic one.
    const c = fakeClocks(1_700_000_000_000.9995)
    let reads = 0
    const clock = createPreciseClock({
      hrNow: c.hrNow,
      now: () => {
        // The process is descheduled for 5.7 ms just before its 2nd system-clock read, the one that sees the tick.
        if (++reads === 2) c.wait(5.7)
        return c.now()
      },
    })
    expect(Math.abs(clock() - c.trueNow())).toBeLessThan(0.01)
  })

  it('reads the system clock to well under a millisecond, not floored', () => {
    const c = fakeClocks(1_700_000_000_000.6)
    const clock = createPreciseClock(c)
    for (let i = 0; i < 5; i++) {
      c.wait(0.37)
      expect(Math.abs(clock() - c.trueNow())).toBeLessThan(0.01)
    }
  })

  it('follows a step of the system clock', () => {
    const c = fakeClocks(1_700_000_000_000.2)
    const clock = createPreciseClock(c)
    clock()
    c.stepSystemClock(-90_000)
    c.wait(1)
    expect(Math.abs(clock() - c.trueNow())).toBeLessThan(0.01)
  })

  it('re-anchors an old anchor', () => {
    const c = fakeClocks(1_700_000_000_000.2)
    const clock = createPreciseClock({ ...c, maxAnchorAgeMs: 50 })
    clock()
    c.wait(100)
    expect(Math.abs(clock() - c.trueNow())).toBeLessThan(0.01)
  })

  it('does not hang on frozen clocks; falls back to the middle of the ms', () => {
    const clock = createPreciseClock({ now: () => 5_000, hrNow: () => 7 })
    expect(clock()).toBe(5_000.5)
  })

  it('tracks the real clocks of this machine', () => {
    const clock = createPreciseClock({ now: Date.now, hrNow: () => performance.now() })
    clock() // anchors
    const before = Date.now()
    const reading = clock()
    const after = Date.now()
    // Ordering only, with slack for the anchor: no timing assumption about this machine.
    expect(reading).toBeGreaterThanOrEqual(before - 0.3)
    expect(reading).toBeLessThan(after + 1.3)
  })
})
