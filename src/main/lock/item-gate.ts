/**
 * Keychain item access while protection may change: ordinary reads and
 * writes run side by side (`shared`); a re-wrap runs alone (`exclusive`),
 * after the calls in flight have finished and before any new one starts, so
 * no write can land under the old protection once the re-wrap has read it.
 */
export interface ItemGate {
  shared<T>(task: () => Promise<T>): Promise<T>
  exclusive<T>(task: () => Promise<T>): Promise<T>
}

export function createItemGate(): ItemGate {
  let inFlight = 0
  let drained: (() => void) | null = null
  /** Set while an exclusive task waits or runs; shared calls wait for it. */
  let closed: Promise<void> | null = null
  let exclusiveQueue: Promise<unknown> = Promise.resolve()

  return {
    async shared(task) {
      while (closed) await closed
      inFlight++
      try {
        return await task()
      } finally {
        if (--inFlight === 0) drained?.()
      }
    },
    exclusive(task) {
      const run = exclusiveQueue.then(async () => {
        let open!: () => void
        closed = new Promise<void>((resolve) => (open = resolve))
        try {
          if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve))
          drained = null
          return await task()
        } finally {
          closed = null
          open()
        }
      })
      exclusiveQueue = run.catch(() => undefined)
      return run
    },
  }
}
