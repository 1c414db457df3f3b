import { describe, expect, it } from 'vitest'
import { clockStatusOf, STATUS_NOW } from '../../../test/helpers/clock-status'
import { clockCondition } from '../../shared/clock-condition'
import type { ClockState } from '../../shared/contract'
import { createClockNotifier, nextClockAlert, type ClockReport } from './clock-notify'

const report = (state: ClockState, offsetMs: number | null, correctionMs = 0): ClockReport => ({
  state,
  condition: clockCondition(clockStatusOf({ state, offsetMs, checking: false, correctionMs }), STATUS_NOW),
})
const at = (state: ClockState, offsetMs: number | null = state === 'unknown' ? null : 90_000): ClockReport => report(state, offsetMs)

/** Feeds a sequence of states; returns which checks produced a notice (its level), '-' for none. */
function run(states: readonly ClockState[]): string[] {
  const notifier = createClockNotifier()
  return states.map((s) => notifier.update(at(s))?.level ?? '-')
}

describe('clock notifications', () => {
  it.each<[string, ClockState[], string[]]>([
    ['once when the clock goes bad, not on every check', ['ok', 'warn', 'warn', 'warn'], ['-', 'warn', '-', '-']],
    ['never for unknown (offline)', ['unknown', 'unknown', 'ok', 'unknown'], ['-', '-', '-', '-']],
    ['a bad clock at start-up', ['critical', 'critical'], ['critical', '-']],
    ['escalation warn → critical', ['warn', 'critical', 'critical'], ['warn', 'critical', '-']],
    ['no news when it improves, nor when it flaps back', ['critical', 'warn', 'critical', 'warn'], ['critical', '-', '-', '-']],
    ['an offline blip between bad readings is not a new problem', ['warn', 'unknown', 'warn', 'unknown', 'critical'], ['warn', '-', '-', '-', 'critical']],
    ['again after it recovers to ok and goes bad again', ['warn', 'ok', 'warn', 'ok', 'critical'], ['warn', '-', 'warn', '-', 'critical']],
    ['unknown does not re-arm it', ['critical', 'unknown', 'critical'], ['critical', '-', '-']],
  ])('%s', (_name, states, expected) => {
    expect(run(states)).toEqual(expected)
  })

  it('says how far off, which way, and what it means, in the shared words', () => {
    const warn = nextClockAlert('none', report('warn', 8_000)).notice
    expect(warn).toEqual({
      level: 'warn',
      title: 'Your computer’s clock is 8 s behind.',
      body: 'Codes may be rejected in the last 8 s of each countdown. Fix the clock, or turn on corrected time in Settings. Open SellerGuard → Clock for the fix.',
    })
    // A fast clock: the FIRST seconds of each countdown, not "near the end".
    expect(nextClockAlert('none', report('warn', -8_000)).notice?.body).toMatch(/^Codes may be rejected in the first 8 s of each countdown/)
    const critical = nextClockAlert('warn', report('critical', -180_000)).notice
    expect(critical?.title).toBe('Your computer’s clock is 3 min ahead.')
    expect(critical?.body).toMatch(/will be rejected/)
  })

  it('does not claim codes will fail when they already use corrected time', () => {
    const notice = nextClockAlert('none', report('critical', 90_000, 90_000)).notice
    expect(notice?.body).toMatch(/use corrected time, so they still work/)
  })

  it('is pure: the same memory and reading give the same step', () => {
    expect(nextClockAlert('none', at('warn'))).toEqual(nextClockAlert('none', at('warn')))
    expect(nextClockAlert('critical', at('ok'))).toEqual({ alerted: 'none', notice: null })
    expect(nextClockAlert('warn', at('unknown'))).toEqual({ alerted: 'warn', notice: null })
  })
})
