import { describe, expect, it } from 'vitest'
import { correctionFor } from './correction'
import type { ClockSnapshot } from './monitor'

const NOW = 1_800_000_000_000
const snapshot = (state: ClockSnapshot['state'], offsetMs: number | null, errorMs = 2, age = 0): ClockSnapshot => ({
  state,
  offsetMs: state === 'unknown' ? null : offsetMs,
  errorMs: state === 'unknown' ? null : errorMs,
  checkedAt: NOW - age,
  checking: false,
  timeZoneHours: null,
  reading: null,
  lastMeasured: offsetMs === null ? null : { offsetMs, errorMs, checkedAt: NOW - age },
})

describe('corrected time for codes', () => {
  it.each([
    ['off never corrects', 'off', snapshot('critical', 90_000), 0],
    ['auto leaves a good clock alone', 'auto', snapshot('ok', 800), 0],
    ['auto corrects a clock that is off', 'auto', snapshot('critical', 90_000), 90_000],
    ['auto corrects a warn-level offset', 'auto', snapshot('warn', -7_400), -7_400],
    ['auto does not act on an unknown status, even with an old number', 'auto', snapshot('unknown', 90_000), 0],
    ['auto does not act on a loose measurement', 'auto', snapshot('critical', 90_000, 3_000), 0],
    ['on uses the measured offset even when small', 'on', snapshot('ok', 800), 800],
    ['on keeps using the last measurement while offline', 'on', snapshot('unknown', 90_000), 90_000],
    ['on drops a measurement older than a day', 'on', snapshot('ok', 90_000, 2, 25 * 3600 * 1000), 0],
    ['nothing measured yet: no correction', 'on', snapshot('unknown', null), 0],
  ] as const)('%s', (_name, mode, snap, expected) => {
    expect(correctionFor(mode, snap, NOW)).toBe(expected)
  })
})
