/**
 * Web mode's idle time for the auto-lock: plain Node has no system idle
 * time, so it counts from the last request any SellerGuard tab made (a
 * click, a copy, a key press that asks main). The e2e tests set it through
 * the test hook (`/__test__/idle`), as Electron's powerMonitor would report it.
 */
export interface IdleSource {
  /** Seconds without a request. */
  seconds(): number
  /** A request came in. */
  touch(): void
  /** e2e only: the idle time to report until the next request. */
  pretend(seconds: number): void
}

export function createIdleSource(now: () => number): IdleSource {
  let last = now()
  let pretended: number | null = null
  return {
    seconds: () => pretended ?? Math.max(0, (now() - last) / 1000),
    touch() {
      last = now()
      pretended = null
    },
    pretend(seconds) {
      pretended = seconds
    },
  }
}
