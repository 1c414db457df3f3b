import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBase32, encodeBase32, MAX_KEY_CHARS, MIN_KEY_CHARS, normaliseKey, type KeyError } from './base32'
import { fuzz } from '../../../test/helpers/fuzz'

const SEED = 20260101

/** A realistic Amazon key: 52 characters (260 bits), shown in groups of four. */
const AMAZON_KEY = 'L4VJYQPAPM6YRJWC6AMU46YR2OUMAX3OSK2NODB6D6FCW3E5BZDV'
/** Its bytes, from Python's base64.b32decode (an independent decoder). */
const AMAZON_HEX = '5f2a9c41e07b3d88a6c2f0194e7b11d3a8c05f6e92b4d70c3e1f8a2b6c9d0e47'
const AMAZON_GROUPED = 'L4VJ YQPA PM6Y RJWC 6AMU 46YR 2OUM AX3O SK2N ODB6 D6FC W3E5 BZDV'

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')

function errorOf(text: string): KeyError {
  const result = normaliseKey(text)
  if (result.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`)
  return result.error
}

describe('base32 codec (RFC 4648)', () => {
  // RFC 4648 section 10 test vectors, without the '=' padding we never emit.
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('%j encodes as %s and back', (plain, encoded) => {
    expect(encodeBase32(Buffer.from(plain))).toBe(encoded)
    expect(Buffer.from(decodeBase32(encoded)).toString()).toBe(plain)
  })

  it('decodeBase32 throws on non-canonical input: that is a bug, not user input', () => {
    expect(() => decodeBase32('mzxw6')).toThrow(RangeError)
  })
})

describe('normaliseKey: what users paste', () => {
  it.each([
    ['grouped as Amazon shows it', AMAZON_GROUPED],
    ['lower case', AMAZON_GROUPED.toLowerCase()],
    ['no spaces', AMAZON_KEY],
    ['dashes', AMAZON_KEY.match(/.{4}/g)?.join('-') ?? ''],
    ['padding', `${AMAZON_KEY}====`],
    ['padding and spaces after it', `${AMAZON_GROUPED} ==== \n`],
    ['newlines and tabs around and inside', `\n\t${AMAZON_GROUPED.slice(0, 24)}\r\n${AMAZON_GROUPED.slice(24)}\n`],
    ['no-break and thin spaces', AMAZON_GROUPED.replaceAll(' ', '\u00A0').replace('\u00A0', '\u202F')],
    ['zero-width spaces from a web page', AMAZON_GROUPED.replaceAll(' ', '\u200B')],
    ['en dashes', AMAZON_GROUPED.replaceAll(' ', '\u2013')],
    ['mixed case', 'l4vJ yQpA pm6y RJWC 6amu 46YR 2oum AX3O sk2n ODB6 d6fc W3E5 bzdv'],
  ])('accepts %s', (_name, text) => {
    const result = normaliseKey(text)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.base32).toBe(AMAZON_KEY)
    expect(hex(result.value.bytes)).toBe(AMAZON_HEX)
  })

  it('accepts the 80-bit minimum and the Key URI Format example', () => {
    const result = normaliseKey('JBSWY3DPEHPK3PXP')
    expect(result.ok && hex(result.value.bytes)).toBe(Buffer.from('Hello!\xde\xad\xbe\xef', 'latin1').toString('hex'))
  })

  it.each<[string, string, Partial<KeyError> & Pick<KeyError, 'kind'>, RegExp]>([
    ['a zero, in the original text', `${AMAZON_GROUPED.slice(0, 12)}0${AMAZON_GROUPED.slice(13)}`, { kind: 'bad-character', position: 12, character: '0' }, /letter O/],
    ['a zero after leading spaces', `   ${AMAZON_KEY.slice(0, 5)}0${AMAZON_KEY.slice(6)}`, { kind: 'bad-character', position: 8, character: '0' }, /letter O/],
    ['a one', `ABCD EFGH 1JKL MNOP`, { kind: 'bad-character', position: 10, character: '1' }, /letter I or L/],
    ['an eight', `ABCD 8FGH`, { kind: 'bad-character', position: 5, character: '8' }, /letter B/],
    ['a nine', `ABCD EFG9`, { kind: 'bad-character', position: 8, character: '9' }, /2–7/],
    ['punctuation', `ABCD.EFGH`, { kind: 'bad-character', position: 4, character: '.' }, /"\."/],
    ['an emoji', `ABCD\u{1F511}EFGH`, { kind: 'bad-character', position: 4, character: '\u{1F511}' }, /A–Z/],
    ['a control character', `ABCD\u0007EFGH`, { kind: 'bad-character', position: 4 }, /U\+0007/],
    ['a fullwidth letter', `ABCD\uFF25FGH`, { kind: 'bad-character', position: 4 }, /A–Z/],
    ['too short', 'ABCD EFGH', { kind: 'too-short', position: 9, length: 8, minimum: MIN_KEY_CHARS }, /at least 16 \(80 bits\)/],
    ['empty', '', { kind: 'empty', position: 0 }, /No key/],
    ['only spaces', ' \n\t ', { kind: 'empty', position: 0 }, /No key/],
    ['only padding', '====', { kind: 'empty', position: 0 }, /No key/],
    ['17 characters (1 mod 8)', 'ABCD EFGH IJKL MNOP Q', { kind: 'invalid-length', position: 21, length: 17 }, /missing or doubled/],
    ['51 characters (3 mod 8)', AMAZON_GROUPED.slice(0, -1), { kind: 'invalid-length', length: 51 }, /51 characters/],
    ['22 characters (6 mod 8)', 'ABCDEFGHIJKLMNOPQRSTUV', { kind: 'invalid-length', position: 22, length: 22 }, /22 characters/],
    ['padding in the middle', 'ABCDEFGH==IJKLMNOP', { kind: 'padding-in-middle', position: 8 }, /end of a key/],
    ['a key over the limit', `  ${'A'.repeat(MAX_KEY_CHARS + 8)}`, { kind: 'too-long', position: MAX_KEY_CHARS + 2, length: MAX_KEY_CHARS + 8, maximum: MAX_KEY_CHARS }, /at most 1024/],
  ])('refuses %s', (_name, text, expected, message) => {
    const error = errorOf(text)
    expect(error).toMatchObject(expected)
    expect(error.message).toMatch(message)
  })

  it('a key already in the keychain loads whatever its length (accounts from before the limit keep their codes)', () => {
    expect(normaliseKey('A'.repeat(MAX_KEY_CHARS + 8), { stored: true }).ok).toBe(true)
    expect(normaliseKey('A'.repeat(MAX_KEY_CHARS)).ok).toBe(true)
  })

  it('reports the first problem when there are several', () => {
    expect(errorOf('AB0D 1FGH')).toMatchObject({ kind: 'bad-character', position: 2 })
  })
})

describe('normaliseKey properties (fast-check, fixed seed)', () => {
  /** Spaces, dashes, newlines and no-break spaces a user or web page might add. */
  const separator = fc.constantFrom(' ', '  ', '-', '\n', '\r\n', '\t', '\u00A0', '\u200B', '\u2013')

  it('encode, then mangle spacing and case, then normalise gives the same bytes', () => {
    const mangled = fc
      .uint8Array({ minLength: 10, maxLength: 64 })
      .chain((bytes) => {
        const encoded = encodeBase32(bytes)
        return fc
          .tuple(
            fc.array(fc.option(separator, { freq: 3 }), { minLength: encoded.length, maxLength: encoded.length }),
            fc.array(fc.boolean(), { minLength: encoded.length, maxLength: encoded.length }),
            fc.constantFrom('', '=', '===', '======'),
            fc.constantFrom('', ' ', '\n', '\u00A0 '),
          )
          .map(([gaps, lower, padding, edge]) => {
            const body = [...encoded].map((char, i) => (lower[i] ? char.toLowerCase() : char) + (gaps[i] ?? '')).join('')
            return { bytes, text: `${edge}${body}${padding}${edge}` }
          })
      })
    fc.assert(
      fc.property(mangled, ({ bytes, text }) => {
        const result = normaliseKey(text)
        expect(result.ok).toBe(true)
        if (result.ok) {
          expect(hex(result.value.bytes)).toBe(hex(bytes))
          expect(result.value.base32).toBe(encodeBase32(bytes))
        }
      }),
      fuzz(SEED, 500),
    )
  })

  it('never throws on any text, and every error points inside the text', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'ABCXYZ234567abc018= -\n\u00A0'.split('')) }))
    fc.assert(
      fc.property(text, (input) => {
        const result = normaliseKey(input)
        if (result.ok) {
          expect(result.value.base32).toMatch(/^[A-Z2-7]{16,}$/)
        } else {
          expect(result.error.message.length).toBeGreaterThan(0)
          expect(result.error.position).toBeGreaterThanOrEqual(0)
          expect(result.error.position).toBeLessThanOrEqual(input.length)
        }
      }),
      fuzz(SEED, 2000),
    )
  })
})
