import { describe, expect, it } from 'vitest'
import type { ClockStatus } from '../../contract'
import { expectedCode, explainRejection, formatDuration } from './explain'

const status = (offsetMs: number | null, correctionMs = 0): ClockStatus => ({
  state: offsetMs === null ? 'unknown' : Math.abs(offsetMs) >= 15_000 ? 'critical' : Math.abs(offsetMs) >= 5_000 ? 'warn' : 'ok',
  offsetMs,
  errorMs: offsetMs === null ? null : 2,
  checkedAt: 0,
  checking: false,
  correctionMs,
  correctionMode: 'off',
  timeZoneHours: null,
  unknownReason: offsetMs === null ? 'no-answer' : null,
  lastMeasured: null,
  servers: [],
})
// 10 s into a 30 s step.
const NOW = 1_800_000_010_000 - (1_800_000_010_000 % 30_000) + 10_000

describe('code rejected? explanations', () => {
  it.each([
    [0, 0, 'current'],
    [-40_000, 0, 'previous'],
    [-15_000, 0, 'previous'],
    [15_000, 0, 'current'],
    [25_000, 0, 'next'],
    [-70_000, 0, 'none'],
    [90_000, 90_000, 'current'],
  ] as const)('offset %i ms, correction %i ms → the %s code', (offset, correction, which) => {
    expect(expectedCode(NOW, offset, correction, 30)).toBe(which)
  })

  it('says a fast clock means the previous code, in plain words', () => {
    expect(explainRejection(status(-40_000), NOW, 30)).toBe(
      'Your clock is 40 s fast, so the site expects the previous code. Use it now, and fix your clock (see the Clock page) or turn on corrected time so this does not happen again.',
    )
  })

  it('says when correction already covers it', () => {
    expect(explainRejection(status(90_000, 90_000), NOW, 30)).toContain('Your clock is 1 min 30 s slow, and SellerGuard is already correcting for it, so the current code')
  })

  it('says nothing alarming when the clock was never measured', () => {
    expect(explainRejection(status(null), NOW, 30)).toMatch(/could not check your clock yet/)
  })

  it('formats durations', () => {
    expect([formatDuration(40_000), formatDuration(-90_000), formatDuration(3_600_000), formatDuration(7_260_000)]).toEqual(['40 s', '1 min 30 s', '1 h', '2 h 1 min'])
  })
})
