import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_ACCOUNT_LABEL, accountLabel, escapeMnemonics, graphemeLength, oneLine, truncate } from './menu-label'

describe('account labels', () => {
  it.each([
    ['Amazon', 'seller@example.com', 'Amazon (seller@example.com)'],
    ['Amazon', '', 'Amazon'],
    ['', 'seller@example.com', 'seller@example.com'],
    ['', '', 'Unnamed account'],
    ['  ', '\n', 'Unnamed account'],
    ['Amazon', 'amazon', 'Amazon'],
    ['Amazon\nSeller\tCentral', ' me ', 'Amazon Seller Central (me)'],
  ])('%j + %j → %j', (issuer, label, expected) => {
    expect(accountLabel(issuer, label)).toBe(expected)
  })

  it('shortens the label first, keeping the issuer recognisable', () => {
    const text = accountLabel('Amazon Seller Central', 'a-very-long-mailbox-name-for-the-eu-store@example.com')
    expect(text.startsWith('Amazon Seller Central (')).toBe(true)
    expect(text.endsWith('…)')).toBe(true)
    expect(graphemeLength(text)).toBe(MAX_ACCOUNT_LABEL)
  })

  it('shortens a very long issuer too, leaving the label 12 characters', () => {
    const text = accountLabel('X'.repeat(100), 'Y'.repeat(100))
    expect(graphemeLength(text)).toBe(MAX_ACCOUNT_LABEL)
    expect(text).toMatch(/^X{32}… \(Y{11}…\)$/)
  })

  it('never cuts an emoji or an accented letter in half', () => {
    const family = '👨‍👩‍👧‍👦'
    const text = truncate(family.repeat(10), 4)
    expect(text).toBe(`${family.repeat(3)}…`)
    expect(truncate('e\u0301'.repeat(5), 3)).toBe('e\u0301e\u0301…')
  })

  it('is always one line of at most MAX_ACCOUNT_LABEL graphemes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.string({ unit: 'grapheme', maxLength: 120 }), (issuer, label) => {
        const text = accountLabel(issuer, label)
        expect(graphemeLength(text)).toBeLessThanOrEqual(MAX_ACCOUNT_LABEL)
        expect(text).not.toMatch(/[\n\r\t\u2028\u2029]/)
        expect(text.length).toBeGreaterThan(0)
      }),
      { seed: 20_260_401, numRuns: 2000 },
    )
  })
})

describe('grapheme counting', () => {
  it('agrees with Intl.Segmenter, ASCII or not (ASCII names take a short cut)', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    const reference = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment)
    const text = fc.oneof(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ maxLength: 80 }))
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 60 }), (t, max) => {
        expect(graphemeLength(t)).toBe(reference(t).length)
        const parts = reference(t)
        expect(truncate(t, max)).toBe(parts.length <= max ? t : `${parts.slice(0, max - 1).join('').trimEnd()}…`)
      }),
      { seed: 16, numRuns: 2000 },
    )
  })
})

describe('mnemonic escaping', () => {
  it.each([
    ['Smith & Co', 'Smith && Co'],
    ['A&&B', 'A&&&&B'],
    ['no ampersand', 'no ampersand'],
    ['&', '&&'],
  ])('%j → %j', (label, escaped) => {
    expect(escapeMnemonics(label)).toBe(escaped)
  })

  it('leaves no single & behind (each shows as itself, none becomes a mnemonic)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(escapeMnemonics(text).replaceAll('&&', '')).not.toContain('&')
      }),
      { seed: 7, numRuns: 1000 },
    )
  })
})

describe('oneLine', () => {
  it('turns control characters and line breaks into single spaces', () => {
    expect(oneLine(' a\r\n\tb\u0000c\u2028d ')).toBe('a b c d')
  })
})
