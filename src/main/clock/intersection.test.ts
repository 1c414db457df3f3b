import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { largestIntersection } from './intersection'

const iv = (lo: number, hi: number) => ({ lo, hi })

describe('Marzullo intersection', () => {
  it('returns null for no intervals (or only invalid ones)', () => {
    expect(largestIntersection([])).toBeNull()
    expect(largestIntersection([iv(2, 1), iv(Number.NaN, 1)])).toBeNull()
  })

  it('one interval is its own intersection', () => {
    expect(largestIntersection([iv(-1, 3)])).toEqual({ lo: -1, hi: 3, count: 1, members: [0] })
  })

  it('intersects agreeing intervals', () => {
    expect(largestIntersection([iv(8, 12), iv(11, 13), iv(10, 12)])).toEqual({ lo: 11, hi: 12, count: 3, members: [0, 1, 2] })
  })

  it('outvotes a falseticker', () => {
    expect(largestIntersection([iv(-1, 1), iv(89_999, 90_001), iv(-0.5, 2)])).toEqual({ lo: -0.5, hi: 1, count: 2, members: [0, 2] })
  })

  it('treats touching intervals as overlapping', () => {
    expect(largestIntersection([iv(0, 1), iv(1, 2)])).toEqual({ lo: 1, hi: 1, count: 2, members: [0, 1] })
  })

  it('an ambiguous vote widens the result to cover both regions instead of picking one', () => {
    // A agrees with B and with C, but B and C disagree: the truth is in [0,1] or [9,10].
    expect(largestIntersection([iv(0, 10), iv(0, 1), iv(9, 10)])).toEqual({ lo: 0, hi: 10, count: 2, members: [0, 1, 2] })
  })

  it('with disjoint intervals, the count is 1', () => {
    expect(largestIntersection([iv(0, 1), iv(5, 6)])).toMatchObject({ count: 1 })
  })

  it('property: every point of maximal coverage lies in [lo, hi], and members share a point with it', () => {
    const interval = fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 0, max: 50 })).map(([lo, width]) => iv(lo, lo + width))
    fc.assert(
      fc.property(fc.array(interval, { minLength: 1, maxLength: 9 }), (intervals) => {
        const result = largestIntersection(intervals)
        if (result === null) return false
        for (let x = -100; x <= 150; x += 0.5) {
          const covered = intervals.filter((i) => i.lo <= x && x <= i.hi).length
          if (covered > result.count) return false
          if (covered === result.count && (x < result.lo || x > result.hi)) return false
        }
        return result.members.every((m) => intervals[m]!.lo <= result.hi && intervals[m]!.hi >= result.lo)
      }),
      { seed: 5905, numRuns: 500 },
    )
  })
})
