import { describe, expect, it } from 'vitest'
import type { ClockHistoryEntry } from '../../contract'
import { BANDS_MS, chartModel } from './chart-scale'

const entry = (at: number, offsetMs: number | null): ClockHistoryEntry => ({ at, state: offsetMs === null ? 'unknown' : 'critical', offsetMs, errorMs: offsetMs === null ? null : 1, source: offsetMs === null ? null : 'ntp' })
const H = 140 // the chart's plot height, px, for "how far apart on screen"

describe('offset chart scale', () => {
  it('keeps −200 s, ±8 s and −37 s apart after one 3-hour reading (the issue’s flat line)', () => {
    const model = chartModel([entry(1, 10_802_000), entry(2, -200_000), entry(3, 8_000), entry(4, -8_000), entry(5, -37_000)])
    const px = (ms: number) => (model.y(ms) * H) / 2
    expect(Math.abs(px(8_000) - px(0))).toBeGreaterThan(6)
    expect(Math.abs(px(-37_000) - px(-8_000))).toBeGreaterThan(6)
    expect(Math.abs(px(-200_000) - px(-37_000))).toBeGreaterThan(6)
    // The 3-hour point still fits, at the top, and the axis says how big things are.
    expect(model.y(10_802_000)).toBeLessThanOrEqual(1)
    expect(model.ticksMs).toEqual(expect.arrayContaining([15_000, 30_000, 3_600_000]))
  })

  it('fits the visible window: old outliers that scrolled out no longer set the scale', () => {
    const old = [entry(0, 10_802_000), ...Array.from({ length: 48 }, (_, i) => entry(i + 1, (i % 2 ? 1 : -1) * 8_000))]
    const model = chartModel(old)
    expect(model.maxMs).toBe(60_000)
    expect(model.points).toHaveLength(48)
  })

  it('always shows the ±15 s and ±30 s bands, and puts a single point in the middle', () => {
    const model = chartModel([entry(1000, 2_000)])
    for (const band of BANDS_MS) expect(model.y(band)).toBeLessThan(1)
    expect(model.x(1000)).toBe(0.5)
  })

  it('leaves gaps for checks without a number, never zeros', () => {
    const model = chartModel([entry(1, 3_000), entry(2, null), entry(3, 4_000)])
    expect(model.points.map((p) => p.offsetMs)).toEqual([3_000, 4_000])
    expect(model.gaps).toEqual([2])
  })
})
