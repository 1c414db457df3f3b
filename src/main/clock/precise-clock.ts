export type PreciseClockDeps = Readonly<{
  /** System clock, ms since the epoch, whole ms (Date.now semantics: floored). */
  now: () => number
  /** Monotonic high-resolution clock, ms with a fraction (performance.now). */
  hrNow: () => number
  /** Longest busy-wait for the system clock to tick, ms. Default 2. */
  maxSpinMs?: number
  /** Re-anchor after this long, so slewing between the two clocks cannot build up, ms. Default 10 000. */
  maxAnchorAgeMs?: number
}>

/** How far a prediction may fall outside the current whole ms before we re-anchor, ms. */
const SLACK_MS = 0.25
/** Anchors tried in a row before the last one is used anyway. */
const MAX_ANCHOR_TRIES = 3
/** Guards the busy-wait against a clock that never moves (a frozen fake in a test). */
const MAX_SPIN_READS = 200_000

/**
 * The system clock with sub-millisecond resolution.
 *
 * `Date.now()` floors to whole ms, so a bare reading is up to 1 ms early, and
 * that bias would go straight into every SNTP offset. We anchor the monotonic
 * clock to the system clock at the moment the latter ticks over to a new ms
 * (busy-waiting at most `maxSpinMs`, about 0.5 ms on average), then read
 * `anchor + monotonic delta`. The anchor is checked on every read against
 * the system clock and redone when they disagree (the system clock was
 * stepped) or when it gets old, so the result always tracks the clock the
 * TOTP codes are computed from.
 */
export function createPreciseClock(deps: PreciseClockDeps): () => number {
  const maxSpinMs = deps.maxSpinMs ?? 2
  const maxAnchorAgeMs = deps.maxAnchorAgeMs ?? 10_000
  let anchor: { wall: number; hr: number } | null = null

  function calibrate(): { wall: number; hr: number } {
    const startHr = deps.hrNow()
    const startWall = deps.now()
    let hr = startHr
    let wall = startWall
    for (let reads = 0; wall === startWall && hr - startHr < maxSpinMs && reads < MAX_SPIN_READS; reads++) {
      hr = deps.hrNow()
      wall = deps.now()
    }
    // No tick seen (a coarse or frozen clock): the middle of the ms is the best guess.
    if (wall === startWall) return { wall: startWall + 0.5, hr: startHr }
    return { wall, hr }
  }

  /** The anchor's reading now, or null when the system clock disagrees with it. */
  function checked(a: { wall: number; hr: number }): number | null {
    const hr = deps.hrNow()
    const wall = deps.now()
    const predicted = a.wall + (hr - a.hr)
    return predicted >= wall - SLACK_MS && predicted < wall + 1 + SLACK_MS ? predicted : null
  }

  return () => {
    if (anchor !== null && deps.hrNow() - anchor.hr < maxAnchorAgeMs) {
      const reading = checked(anchor)
      if (reading !== null) return reading
    }
    // A pause between an anchor's two readings (the process descheduled on a
    // busy machine) shifts it by the pause: check a new anchor as an old one, and anchor again.
    let fresh = calibrate()
    for (let tries = 1; tries < MAX_ANCHOR_TRIES && checked(fresh) === null; tries++) fresh = calibrate()
    anchor = fresh
    return fresh.wall + (deps.hrNow() - fresh.hr)
  }
}
