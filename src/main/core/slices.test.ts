import { describe, expect, it } from 'vitest'
import { mapInSlices, mapInTimedSlices, SLICE_ITEMS, TIMED_SLICE_MS } from './slices'

/**
 * Counts turns of the event loop: a `setImmediate` chain runs once per turn
 * (an immediate queued from a running one waits for the next turn).
 */
function turnCounter() {
  let turn = 0
  let running = true
  const spin = () => {
    turn++
    if (running) setImmediate(spin)
  }
  setImmediate(spin)
  return { now: () => turn, stop: () => void (running = false) }
}

describe('work in slices', () => {
  it('several long jobs at once take turns: one slice per turn of the event loop, not one of each', async () => {
    const turns = turnCounter()
    const perTurn = new Map<number, number>()
    const job = (n: number) => mapInSlices(Array.from({ length: n }, (_, i) => i), (i) => (perTurn.set(turns.now(), (perTurn.get(turns.now()) ?? 0) + 1), i * 2))
    // Started in one task, as one vault change sets off the tray, the checklist and an event's check.
    const results = await Promise.all([job(200), job(130), job(75)])
    turns.stop()
    expect(results.map((r) => r.length)).toEqual([200, 130, 75])
    expect(results[1]!.at(-1)).toBe(258)
    expect(Math.max(...perTurn.values())).toBe(SLICE_ITEMS)
    // Nothing ran in the starting task itself (turn 0).
    expect(perTurn.has(0)).toBe(false)
  })

  it('a short job runs at once, in the caller’s task', async () => {
    let ran = 0
    const done = mapInSlices([1, 2, 3], () => ran++)
    expect(ran).toBe(3)
    expect(await done).toEqual([0, 1, 2])
  })

  it('urgent work (code frames) takes the next turns, ahead of long work already waiting', async () => {
    const order: string[] = []
    const normal = mapInSlices(Array.from({ length: SLICE_ITEMS * 4 }, (_, i) => i), (i) => i % SLICE_ITEMS === 0 && order.push('checklist'))
    const frames = mapInSlices(Array.from({ length: SLICE_ITEMS * 3 }, (_, i) => i), (i) => i % SLICE_ITEMS === 0 && order.push('frames'), { urgent: true })
    await Promise.all([normal, frames])
    // Both were waiting for the first turn: every frame slice goes first, then the checklist's.
    expect(order).toEqual(['frames', 'frames', 'frames', 'checklist', 'checklist', 'checklist', 'checklist'])
  })

  it('cut by time: an item that takes a whole slice’s time gets a turn of its own, and the results keep their order', async () => {
    const turns = turnCounter()
    const seen: number[] = []
    // Each item busy for longer than a slice: a new turn before each one.
    const slow = (i: number) => {
      const until = performance.now() + TIMED_SLICE_MS + 1
      while (performance.now() < until);
      seen.push(turns.now())
      return i * 3
    }
    const results = await mapInTimedSlices(Array.from({ length: SLICE_ITEMS + 5 }, (_, i) => i), slow, { urgent: true })
    turns.stop()
    expect(results).toEqual(Array.from({ length: SLICE_ITEMS + 5 }, (_, i) => i * 3))
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen[0]).toBeGreaterThan(0)
  })

  it('cut by time: a short job runs at once, in the caller’s task', async () => {
    let ran = 0
    const done = mapInTimedSlices([1, 2, 3], () => ran++)
    expect(ran).toBe(3)
    expect(await done).toEqual([0, 1, 2])
  })
})
