/** Timers driven by hand: `advance` runs whatever falls due, in order. */
export function fakeTimers(start = 0) {
  let now = start
  let nextId = 1
  const timers = new Map<number, { at: number; run: () => void }>()
  return {
    now: () => now,
    setTimer: (run: () => void, ms: number) => {
      const id = nextId++
      timers.set(id, { at: now + ms, run })
      return id
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
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
