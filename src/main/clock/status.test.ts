import { describe, expect, it } from 'vitest'
import type { ClockState } from '../../shared/contract'
import { classifyOffset, classifyReading, probableTimeZoneHours } from './status'

describe('clock status', () => {
  it.each<[number | null, number | null, ClockState]>([
    // [offset ms, error ms, state]
    [null, null, 'unknown'],
    [0, null, 'unknown'],
    [Number.NaN, 1, 'unknown'],
    [0, 0.5, 'ok'],
    [4_999, 0, 'ok'],
    [-4_999, 0, 'ok'],
    [5_000, 0, 'warn'],
    [-5_000, 0, 'warn'],
    [14_999, 0, 'warn'],
    [15_000, 0, 'critical'],
    [-15_000, 0, 'critical'],
    [90_000, 2, 'critical'],
    [3 * 3_600_000, 10, 'critical'],
    // Uncertain readings grade the smallest possible offset: no false alarm.
    [6_000, 2_000, 'ok'],
    [6_000, 500, 'warn'],
    [16_000, 2_000, 'warn'],
    [16_000, 500, 'critical'],
    // An error as wide as the warn threshold cannot tell ok from not ok...
    [0, 5_000, 'unknown'],
    [3_000, 8_000, 'unknown'],
    // ...but can still prove a warning or worse.
    [12_000, 6_000, 'warn'],
    [60_000, 20_000, 'critical'],
  ])('offset %s ms ± %s ms is %s', (offset, error, state) => {
    expect(classifyOffset(offset, error)).toBe(state)
  })

  it('an unknown reading is unknown, a measured one is graded', () => {
    expect(classifyReading({ kind: 'unknown', reason: 'no-answer', used: [], rejected: [], checkedAt: 0 })).toBe('unknown')
    expect(classifyReading({ kind: 'measured', offsetMs: -20_000, errorMs: 3, used: [], rejected: [], checkedAt: 0 })).toBe('critical')
  })
})

describe('probable time-zone mistake', () => {
  it.each<[number, number | null]>([
    [3_600_000, 1],
    [-7_200_000 + 40_000, -2],
    [5 * 3_600_000 - 89_000, 5],
    [3_600_000 + 91_000, null],
    [0, null],
    [45_000, null],
    [90_000, null],
    [1_800_000, null],
    [Number.POSITIVE_INFINITY, null],
  ])('%s ms -> %s h', (offset, hours) => {
    expect(probableTimeZoneHours(offset)).toBe(hours)
  })

  it('can look for half-hour zones too (UTC+5:30)', () => {
    expect(probableTimeZoneHours(-5.5 * 3_600_000 + 10_000, 90_000, 1_800_000)).toBe(-5.5)
    expect(probableTimeZoneHours(-5.5 * 3_600_000 + 10_000)).toBeNull()
  })
})
