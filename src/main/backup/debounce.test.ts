import { describe, expect, it } from 'vitest'
import { fakeTimers } from '../../../test/helpers/fake-timers'
import { createDebounce } from './debounce'

/** A run the test finishes by hand, to poke while it is in progress. */
function setup() {
  const timers = fakeTimers(1_000_000)
  const runs: number[] = []
  const finish: (() => void)[] = []
  let manual = false
  const debounce = createDebounce({
    now: timers.now,
    quietMs: 5000,
    maxWaitMs: 60_000,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    run: async () => {
      runs.push(timers.now())
      if (manual) await new Promise<void>((resolve) => finish.push(resolve))
    },
  })
  return { timers, runs, finish, debounce, holdRuns: () => (manual = true) }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('debounce', () => {
  it('runs once, quietMs after the last of a burst of pokes', () => {
    const { timers, runs, debounce } = setup()
    debounce.poke()
    timers.advance(3000)
    debounce.poke()
    timers.advance(3000)
    debounce.poke()
    expect(runs).toEqual([])
    expect(debounce.waitingSince()).toBe(1_000_000)
    timers.advance(4999)
    expect(runs).toEqual([])
    timers.advance(1)
    expect(runs).toEqual([1_011_000])
    expect(debounce.waitingSince()).toBeNull()
  })

  it('a stream of pokes never quiet still runs after maxWaitMs', () => {
    const { timers, runs, debounce } = setup()
    for (let i = 0; i < 40; i++) {
      debounce.poke()
      timers.advance(2000)
    }
    expect(runs[0]).toBe(1_060_000)
  })

  it('a poke during a run gives exactly one more run after it, never two at once', async () => {
    const { timers, runs, finish, debounce, holdRuns } = setup()
    holdRuns()
    debounce.poke()
    timers.advance(5000)
    expect(runs).toHaveLength(1)
    debounce.poke()
    debounce.poke()
    timers.advance(10_000)
    expect(runs).toHaveLength(1)
    finish.shift()!()
    await settle()
    timers.advance(5000)
    expect(runs).toHaveLength(2)
    finish.shift()!()
    await settle()
    timers.advance(60_000)
    expect(runs).toHaveLength(2)
  })

  it('flush runs a waiting run at once; cancel drops it', async () => {
    const { timers, runs, debounce } = setup()
    await debounce.flush()
    expect(runs).toEqual([])
    debounce.poke()
    await debounce.flush()
    expect(runs).toEqual([1_000_000])
    debounce.poke()
    debounce.cancel()
    timers.advance(100_000)
    expect(runs).toHaveLength(1)
    expect(timers.pending()).toEqual([])
  })
})
