/**
 * A log line that a flood cannot turn into a flood of log lines: the first
 * one of each window is written, the rest are counted and summed up in the
 * next line written.
 */
export function rateLimited(write: (message: string) => void, windowMs = 10_000, now: () => number = Date.now): (message: string) => void {
  let windowStart = -Infinity
  let suppressed = 0
  return (message) => {
    const time = now()
    if (time - windowStart < windowMs) {
      suppressed++
      return
    }
    windowStart = time
    write(suppressed > 0 ? `${message} (and ${suppressed} more like it in the last ${Math.round(windowMs / 1000)} s)` : message)
    suppressed = 0
  }
}
