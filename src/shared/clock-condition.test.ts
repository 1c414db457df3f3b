import { describe, expect, it } from 'vitest'
import { clockCondition, robustnessWords, type ClockConditionKind } from './clock-condition'
import type { ClockMeasurement, ClockStatus } from './contract/clock'
import { MINUS } from './offset-text'

const NOW = Date.UTC(2026, 5, 1, 12)
const MIN = 60_000

const measured = (offsetMs: number, extra: Partial<ClockMeasurement> = {}): ClockMeasurement => ({
  offsetMs,
  errorMs: 1.2,
  at: NOW - 4 * MIN,
  source: 'ntp',
  answered: 4,
  agreed: 3,
  ...extra,
})

const status = (over: Partial<ClockStatus>): ClockStatus => ({
  state: 'unknown',
  measurement: null,
  doubt: null,
  checkedAt: null,
  unknownReason: null,
  checking: false,
  correctionMs: 0,
  correctionMode: 'auto',
  timeZone: null,
  servers: [],
  ...over,
})

describe('clockCondition: one mapping of every clock state', () => {
  it.each<[string, ClockStatus | null, ClockConditionKind, string]>([
    ['nothing yet', null, 'never-checked', 'Clock not checked yet'],
    ['before the first check', status({}), 'never-checked', 'Clock not checked yet'],
    ['first check running', status({ checking: true }), 'checking', 'Checking the clock…'],
    ['in sync', status({ state: 'ok', measurement: measured(300), checkedAt: NOW - 4 * MIN }), 'in-sync', 'Clock in sync'],
    ['off (fast)', status({ state: 'critical', measurement: measured(-37_000), checkedAt: NOW }), 'off', 'Clock 37 s ahead'],
    ['off (slow)', status({ state: 'warn', measurement: measured(8_000), checkedAt: NOW }), 'off', 'Clock 8 s behind'],
    [
      'time zone (+5:30)',
      status({ state: 'critical', measurement: measured(-(5.5 * 60 * MIN + 8_000)), timeZone: { zoneMinutes: -330, residualMs: -8_000 }, checkedAt: NOW }),
      'time-zone',
      'Clock 5 h 30 min ahead (time zone?)',
    ],
    ['disagreed', status({ checkedAt: NOW, unknownReason: 'no-majority' }), 'disagreed', 'Clock unknown: servers disagreed'],
    ['offline', status({ checkedAt: NOW, unknownReason: 'no-answer' }), 'offline', 'Clock not checked (offline?)'],
    ['no servers', status({ checkedAt: NOW, unknownReason: 'no-servers' }), 'never-checked', 'Clock not checked: no servers'],
  ])('%s', (_name, s, kind, short) => {
    const c = clockCondition(s, NOW)
    expect(c.kind).toBe(kind)
    expect(c.short).toBe(short)
  })

  it('a failed check after a measurement keeps the verdict and says how old it is (no "not checked")', () => {
    const c = clockCondition(status({ state: 'critical', measurement: measured(-37_000), checkedAt: NOW, unknownReason: 'no-answer', correctionMs: -37_000 }), NOW)
    expect(c.kind).toBe('off')
    expect(c.short).toBe('Clock 37 s ahead')
    expect(c.caveat).toBe('Measured 4 min ago; the last check failed because no time server answered (offline?).')
    expect(c.age).toBe('measured 4 min ago')
    expect(c.codes).toMatch(/use corrected time, so they still work/)
  })

  it('servers that disagree after a measurement do not hide it either', () => {
    const c = clockCondition(status({ state: 'warn', measurement: measured(9_000), checkedAt: NOW, unknownReason: 'no-majority' }), NOW)
    expect(c.kind).toBe('off')
    expect(c.caveat).toMatch(/the time servers disagreed/)
  })

  it('a doubtful measurement (after sleep) is said, and re-checked', () => {
    const c = clockCondition(status({ measurement: measured(-37_000), doubt: 'resume', checking: true, checkedAt: NOW - 4 * MIN }), NOW)
    expect(c.kind).toBe('checking')
    expect(c.caveat).toBe('The last measurement (37 s ahead, 4 min ago) may be out of date: the computer has slept since. Checking again now.')
    const failed = clockCondition(status({ measurement: measured(-37_000), doubt: 'network', checkedAt: NOW, unknownReason: 'no-answer' }), NOW)
    expect(failed.kind).toBe('offline')
    expect(failed.caveat).toMatch(/network has changed since\. The re-check failed: no time server answered/)
  })

  it('says which end of the countdown is bad, by direction', () => {
    expect(clockCondition(status({ state: 'warn', measurement: measured(-8_000), checkedAt: NOW }), NOW).codes).toMatch(/^Codes may be rejected in the first 8 s of each countdown/)
    expect(clockCondition(status({ state: 'warn', measurement: measured(8_000), checkedAt: NOW }), NOW).codes).toMatch(/^Codes may be rejected in the last 8 s of each countdown/)
    expect(clockCondition(status({ state: 'critical', measurement: measured(40_000), checkedAt: NOW }), NOW).codes).toMatch(/will be rejected/)
  })

  it('a time-zone mistake says the zone, and what remains beyond it', () => {
    const c = clockCondition(status({ state: 'critical', measurement: measured(-(5.5 * 60 * MIN + 8_000)), timeZone: { zoneMinutes: -330, residualMs: -8_000 }, checkedAt: NOW }), NOW)
    expect(c.headline).toContain('That is almost exactly a time-zone difference (5 h 30 min), so the time zone is probably set wrong, not the clock.')
    expect(c.codes).toMatch(/Set the time zone, or turn on corrected time/)
    expect(c.headline).toContain('Beyond the time zone, the clock is also 8 s ahead.')
    const exact = clockCondition(status({ state: 'critical', measurement: measured(3 * 60 * MIN), timeZone: { zoneMinutes: 180, residualMs: 0 }, checkedAt: NOW }), NOW)
    expect(exact.headline).toContain('Beyond that, the clock itself is right.')
  })

  it('names the source with its bound, HTTPS apart from NTP', () => {
    const https = clockCondition(status({ state: 'critical', measurement: measured(-37_000, { source: 'https', errorMs: 48.4, answered: 3 }), checkedAt: NOW }), NOW)
    expect(https.source).toBe('HTTPS time, ±48 ms · measured 4 min ago')
    expect(clockCondition(status({ state: 'ok', measurement: measured(100), checkedAt: NOW }), NOW).source).toBe('NTP, ±1 ms · measured 4 min ago')
  })

  it('claims "one wrong server cannot mislead it" only with at least three answering', () => {
    expect(robustnessWords(3, 3, 'ntp')).toMatch(/cannot mislead/)
    expect(robustnessWords(2, 2, 'ntp')).not.toMatch(/cannot mislead/)
    expect(robustnessWords(1, 1, 'https')).toBe('Only 1 site answered, so SellerGuard cannot tell whether it is right.')
    const single = clockCondition(status({ state: 'critical', measurement: measured(-37_000, { answered: 1, agreed: 1 }), checkedAt: NOW }), NOW)
    expect(single.caveat).toMatch(/Only 1 time server answered/)
  })

  it('never writes a hyphen as a sign or raw ms in the words', () => {
    const c = clockCondition(status({ state: 'critical', measurement: measured(-10_802_000), checkedAt: NOW }), NOW)
    for (const text of [c.short, c.headline, c.codes ?? '']) {
      expect(text).not.toMatch(/-\d|\d ms|\u2212/)
    }
    expect(MINUS).toBe('\u2212')
  })
})
