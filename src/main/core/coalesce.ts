/**
 * Wraps `fn` so that a burst of calls runs it once, `ms` later (0: after the
 * current task). Used where one change fans out into many events, e.g.
 * secrets streaming in at start-up.
 */
export function coalesce(fn: () => void, ms = 0): () => void {
  let queued = false
  return () => {
    if (queued) return
    queued = true
    setTimeout(() => {
      queued = false
      fn()
    }, ms)
  }
}
