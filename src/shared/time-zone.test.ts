import { describe, expect, it } from 'vitest'
import { probableTimeZone, TIME_ZONE_TOLERANCE_MS } from './time-zone'

const S = 1000
const MIN = 60 * S
const H = 60 * MIN

describe('probable time-zone mistake (tolerance 2 min)', () => {
  it('states its tolerance', () => expect(TIME_ZONE_TOLERANCE_MS).toBe(2 * MIN))

  it.each<[string, number, number | null, number | null]>([
    // [case, offset ms, zone minutes, residual ms]
    ['3 h exactly', 3 * H, 180, 0],
    ['3 h and 2 s (the issue’s 10802 s)', 3 * H + 2 * S, 180, 2 * S],
    ['1 h behind minus 40 s', -(H - 40 * S), -60, 40 * S],
    ['India, +5:30, 8 s beyond', -(5.5 * H + 8 * S), -330, -8 * S],
    ['India the other way', 5.5 * H, 330, 0],
    ['Nepal, +5:45', -(5 * H + 45 * MIN) + 30 * S, -345, 30 * S],
    ['Newfoundland, −3:30', 3.5 * H - 90 * S, 210, -90 * S],
    ['Chatham, +12:45', -(12 * H + 45 * MIN), -765, 0],
    ['26 h (UTC−12 set as UTC+14)', 26 * H + 5 * S, 1560, 5 * S],
    ['just outside the tolerance', 3 * H + 2 * MIN + 1, null, null],
    ['half an hour is no zone offset', 30 * MIN, null, null],
    ['2 h 30 min is no zone offset', 2.5 * H, null, null],
    ['27 h is more than any two zones', 27 * H, null, null],
    ['a plain drift', 37 * S, null, null],
    ['zero', 0, null, null],
    ['not a number', Number.NaN, null, null],
  ])('%s', (_name, offsetMs, zoneMinutes, residualMs) => {
    const found = probableTimeZone(offsetMs)
    if (zoneMinutes === null) expect(found).toBeNull()
    else {
      expect(found?.zoneMinutes).toBe(zoneMinutes)
      expect(found?.residualMs).toBeCloseTo(residualMs!, 6)
    }
  })
})
