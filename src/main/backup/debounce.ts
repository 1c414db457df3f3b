export type DebounceDeps = Readonly<{
  now: () => number
  /** Quiet time after the last poke before running, ms. */
  quietMs: number
  /** Longest wait after the first poke of a burst, ms: a stream of changes still gets run. */
  maxWaitMs: number
  run: () => Promise<void>
  /** After each run, once it no longer counts as in progress. */
  onSettled?: () => void
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}>

export interface Debounce {
  /** Something changed: run once things have been quiet for `quietMs`. */
  poke(): void
  /** Runs now if a run is waiting (and waits for any run in progress). */
  flush(): Promise<void>
  /** Since when a run has been waiting (ms since the epoch), or null. */
  waitingSince(): number | null
  /** Drops a waiting run (nothing runs later). */
  cancel(): void
  /** Whether a run is waiting or in progress. */
  busy(): boolean
  /** Resolves once no run is in progress (a waiting one is not started). */
  idle(): Promise<void>
}

/**
 * Runs `run` after a quiet period, never two at once: a poke during a run
 * schedules one more run after it. Timers are injected for tests.
 */
export function createDebounce(deps: DebounceDeps): Debounce {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as NodeJS.Timeout))
  let timer: unknown = null
  let since: number | null = null
  let running: Promise<void> | null = null

  function fire(): void {
    timer = null
    if (running) return // re-armed when the run ends
    since = null
    running = deps.run().finally(() => {
      running = null
      if (since !== null) arm()
      deps.onSettled?.()
    })
  }

  function arm(): void {
    if (timer !== null) clearTimer(timer)
    const first = since ?? deps.now()
    timer = setTimer(fire, Math.max(0, Math.min(deps.quietMs, first + deps.maxWaitMs - deps.now())))
  }

  return {
    poke() {
      since ??= deps.now()
      arm()
    },
    async flush() {
      if (running) await running
      if (since === null) return
      if (timer !== null) clearTimer(timer)
      fire()
      await running
    },
    waitingSince: () => since,
    busy: () => since !== null || running !== null,
    async idle() {
      while (running) await running
    },
    cancel() {
      if (timer !== null) clearTimer(timer)
      timer = null
      since = null
    },
  }
}
