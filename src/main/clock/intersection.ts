/** A closed interval [lo, hi] that should contain the true offset, ms. */
export type Interval = Readonly<{ lo: number; hi: number }>

export type Intersection = Readonly<{
  /** The smallest interval holding every point covered by `count` intervals, ms. */
  lo: number
  hi: number
  /** The most intervals that share a point. */
  count: number
  /** Indexes of the intervals that share such a point (the truechimers), ascending. */
  members: readonly number[]
}>

/**
 * Marzullo's algorithm, as NTP's clock-select uses it (RFC 5905 §11.2.1):
 * find the largest number of intervals with a point in common, and the
 * smallest interval holding every such point.
 *
 * If at least `count` of the servers tell the truth, the true offset is in
 * one of the regions covered by `count` intervals, so it is inside
 * [lo, hi] even when there are several such regions (an ambiguous vote then
 * shows up as a wide result, never a wrong narrow one). Intervals touching
 * at one point overlap. Returns null for no (valid) intervals.
 */
export function largestIntersection(intervals: readonly Interval[]): Intersection | null {
  const edges: { at: number; step: 1 | -1; index: number }[] = []
  intervals.forEach((interval, index) => {
    if (!Number.isFinite(interval.lo) || !Number.isFinite(interval.hi) || interval.lo > interval.hi) return
    edges.push({ at: interval.lo, step: 1, index }, { at: interval.hi, step: -1, index })
  })
  // At equal points, openings before closings: closed intervals that touch do overlap.
  edges.sort((a, b) => a.at - b.at || b.step - a.step)

  let count = 0
  let best = 0
  for (const edge of edges) {
    count += edge.step
    best = Math.max(best, count)
  }
  if (best === 0) return null

  const active = new Set<number>()
  const members = new Set<number>()
  let lo = Number.NaN
  let hi = Number.NaN
  count = 0
  for (const edge of edges) {
    if (edge.step === 1) {
      active.add(edge.index)
      count += 1
      if (count === best) {
        if (Number.isNaN(lo)) lo = edge.at
        for (const index of active) members.add(index)
      }
    } else {
      if (count === best) hi = edge.at
      active.delete(edge.index)
      count -= 1
    }
  }
  return { lo, hi, count: best, members: [...members].sort((a, b) => a - b) }
}
