import { describe, expect, it } from 'vitest'
import { describeAge, describeOffset, formatDetailMs, formatDuration, formatSigned, MINUS } from './offset-text'

const S = 1000
const MIN = 60 * S
const H = 60 * MIN

describe('describeOffset: one wording for every surface', () => {
  it.each([
    // Seconds below a minute, rounded to the nearest second.
    [37_000, '37 s behind'],
    [-37_000, '37 s ahead'],
    [7_400, '7 s behind'],
    [7_500, '8 s behind'],
    [-8_000.4, '8 s ahead'],
    [200, 'less than 1 s behind'],
    [-499, 'less than 1 s ahead'],
    [0, 'less than 1 s ahead'],
    // Minutes and seconds below an hour: "90 s" and "1 min 30 s" are one thing, written one way.
    [90_000, '1 min 30 s behind'],
    [-90_000, '1 min 30 s ahead'],
    [59_600, '1 min behind'],
    [119_400, '1 min 59 s behind'],
    [120_000, '2 min behind'],
    [-200_000, '3 min 20 s ahead'],
    [-45 * MIN, '45 min ahead'],
    [3599_400, '59 min 59 s behind'],
    [3599_600, '1 h behind'],
    // Hours and minutes from an hour: the "10802.0 s behind" reads "3 h behind".
    [10_802_000, '3 h behind'],
    [2 * H, '2 h behind'],
    [-5.5 * H, '5 h 30 min ahead'],
    [-(5 * H + 45 * MIN + 8 * S), '5 h 45 min ahead'],
    [(23 * H + 59 * MIN + 40 * S), '1 d behind'],
    [-(50 * H), '2 d 2 h ahead'],
  ])('%d ms reads %j', (offsetMs, text) => {
    expect(describeOffset(offsetMs)).toBe(text)
  })

  it('never shows a sign, a hyphen or milliseconds', () => {
    for (let ms = -4 * H; ms <= 4 * H; ms += 7_777) {
      const text = describeOffset(ms)
      expect(text).toMatch(/ (ahead|behind)$/)
      expect(text).not.toMatch(/[-+\u2212]|ms/)
    }
  })
})

describe('formatDuration, formatSigned, formatDetailMs, describeAge', () => {
  it.each([
    [0, '0 s'],
    [-37_000, '37 s'],
    [61_000, '1 min 1 s'],
    [Number.NaN, 'an unknown time'],
  ])('formatDuration(%d) = %j', (ms, text) => expect(formatDuration(ms)).toBe(text))

  it.each([
    [-37_000, `${MINUS}37 s`],
    [37_000, '+37 s'],
    [-15 * S, `${MINUS}15 s`],
    [-(5.5 * H), `${MINUS}5 h 30 min`],
    [300, '0 s'],
  ])('formatSigned(%d) = %j', (ms, text) => expect(formatSigned(ms)).toBe(text))

  it.each([
    [-37_000, `${MINUS}37\u2009000.0`],
    [10_802_000, '10\u2009802\u2009000.0'],
    [0.04, '0.0'],
    [-0.04, '0.0'],
    [-1.25, `${MINUS}1.3`],
  ])('formatDetailMs(%d) = %j', (ms, text) => expect(formatDetailMs(ms)).toBe(text))

  it.each([
    [-5_000, 'just now'],
    [59_999, 'just now'],
    [4 * MIN + 59 * S, '4 min ago'],
    [2 * H + 5 * MIN, '2 h ago'],
    [25 * H, '1 day ago'],
    [3 * 24 * H, '3 days ago'],
  ])('describeAge(%d) = %j', (ms, text) => expect(describeAge(ms)).toBe(text))
})
