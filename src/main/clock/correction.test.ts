import { describe, expect, it } from 'vitest'
import { correctionFor } from './correction'
import type { ClockSnapshot } from './monitor'

const NOW = 1_800_000_000_000
type Snap = Pick<ClockSnapshot, 'state' | 'measurement' | 'doubt'>
const snapshot = (state: ClockSnapshot['state'], offsetMs: number | null, errorMs = 2, age = 0, doubt: ClockSnapshot['doubt'] = null): Snap => ({
  state,
  doubt,
  measurement: offsetMs === null ? null : { offsetMs, errorMs, at: NOW - age, source: 'ntp', answered: 4, agreed: 4 },
})

describe('corrected time for codes', () => {
  it.each([
    ['off never corrects', 'off', snapshot('critical', 90_000), 0],
    ['auto leaves a good clock alone', 'auto', snapshot('ok', 800), 0],
    ['auto corrects a clock that is off', 'auto', snapshot('critical', 90_000), 90_000],
    ['auto corrects a warn-level offset', 'auto', snapshot('warn', -7_400), -7_400],
    ['auto keeps correcting after a failed check (the measurement is still trusted)', 'auto', snapshot('critical', -37_000, 2, 4 * 60_000), -37_000],
    ['auto stops while a wake from sleep makes the measurement doubtful', 'auto', snapshot('unknown', 90_000, 2, 0, 'resume'), 0],
    ['auto stops while a network change makes it doubtful', 'auto', snapshot('unknown', 90_000, 2, 0, 'network'), 0],
    ['auto does not act on a loose measurement', 'auto', snapshot('critical', 90_000, 3_000), 0],
    ['auto does not act on an ungradable one', 'auto', snapshot('unknown', 90_000, 2), 0],
    ['on uses the measured offset even when small', 'on', snapshot('ok', 800), 800],
    ['on keeps using the last measurement while in doubt', 'on', snapshot('unknown', 90_000, 2, 0, 'resume'), 90_000],
    ['on drops a measurement older than a day', 'on', snapshot('ok', 90_000, 2, 25 * 3600 * 1000), 0],
    ['nothing measured yet: no correction', 'on', snapshot('unknown', null), 0],
  ] as const)('%s', (_name, mode, snap, expected) => {
    expect(correctionFor(mode, snap, NOW)).toBe(expected)
  })
})
