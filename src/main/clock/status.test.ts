import { describe, expect, it } from 'vitest'
import type { ClockState } from '../../shared/contract'
import { classifyOffset, classifyReading } from './status'

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
    expect(classifyReading({ kind: 'measured', source: 'ntp', offsetMs: -20_000, errorMs: 3, used: [], rejected: [], checkedAt: 0 })).toBe('critical')
  })
})
