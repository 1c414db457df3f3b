import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { HashAlgorithm } from '../../shared/contract/accounts'
import { encodeBase32 } from './base32'
import { MAX_NAME_LENGTH, MAX_PERIOD } from '../../shared/contract'
import type { UriAccount } from './params'
import { formatUri, parseUri } from './uri'
import type { UriError } from './uri-error'
import { fuzz } from '../../../test/helpers/fuzz'

const SEED = 20260101
const SECRET = 'JBSWY3DPEHPK3PXP'

function accountOf(uri: string): UriAccount {
  const result = parseUri(uri)
  if (!result.ok) throw new Error(`expected ${uri} to parse: ${result.error.message}`)
  return result.value.account
}

function errorOf(uri: string): UriError {
  const result = parseUri(uri)
  if (result.ok) throw new Error(`expected ${uri} to be refused`)
  return result.error
}

describe('parseUri: the Key URI Format', () => {
  it('reads the wiki example with its defaults (SHA1, 6 digits, 30 s)', () => {
    expect(accountOf(`otpauth://totp/Example:alice@google.com?secret=${SECRET}&issuer=Example`)).toEqual({
      type: 'totp',
      issuer: 'Example',
      label: 'alice@google.com',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    })
  })

  it.each<[string, string, Partial<UriAccount>]>([
    ['%3A as the label separator, %20 spaces', `otpauth://totp/ACME%20Co%3Ajohn.doe%40email.com?secret=${SECRET}&issuer=ACME%20Co`, { issuer: 'ACME Co', label: 'john.doe@email.com' }],
    ['spaces after the colon (the spec allows *"%20")', `otpauth://totp/ACME:%20%20john?secret=${SECRET}`, { issuer: 'ACME', label: 'john' }],
    ['+ as a space in the query (form encoding)', `otpauth://totp/Air%20Canada:Ben?secret=${SECRET}&issuer=Air+Canada`, { issuer: 'Air Canada' }],
    ['+ kept in the label (email sub-addressing)', `otpauth://totp/Shop:alice+amazon@example.com?secret=${SECRET}`, { label: 'alice+amazon@example.com' }],
    ['issuer only in the label', `otpauth://totp/Amazon:seller@example.com?secret=${SECRET}`, { issuer: 'Amazon', label: 'seller@example.com' }],
    ['issuer only as a parameter', `otpauth://totp/seller@example.com?secret=${SECRET}&issuer=Amazon`, { issuer: 'Amazon', label: 'seller@example.com' }],
    ['no issuer at all', `otpauth://totp/seller@example.com?secret=${SECRET}`, { issuer: '', label: 'seller@example.com' }],
    ['the parameter wins over a different label prefix; account from the label', `otpauth://totp/Amazon%20Seller:bob?secret=${SECRET}&issuer=Amazon`, { issuer: 'Amazon', label: 'bob' }],
    ['an issuer parameter containing a colon', `otpauth://totp/A%3AB:bob?secret=${SECRET}&issuer=A%3AB`, { issuer: 'A:B', label: 'bob' }],
    ['non-ASCII names', `otpauth://totp/M%C3%BCller%20GmbH:j%C3%BCrgen?secret=${SECRET}`, { issuer: 'Müller GmbH', label: 'jürgen' }],
    ['algorithm in lower case', `otpauth://totp/x?secret=${SECRET}&algorithm=sha256`, { algorithm: 'SHA256' }],
    ['algorithm with a dash', `otpauth://totp/x?secret=${SECRET}&algorithm=SHA-512`, { algorithm: 'SHA512' }],
    ['7 and 8 digits', `otpauth://totp/x?secret=${SECRET}&digits=8`, { digits: 8 }],
    ['a 60 s period', `otpauth://totp/x?secret=${SECRET}&period=60`, { period: 60 }],
    ['the longest period', `otpauth://totp/x?secret=${SECRET}&period=${MAX_PERIOD}`, { period: MAX_PERIOD }],
    ['unknown parameters (image, color) are ignored', `otpauth://totp/x?secret=${SECRET}&image=https%3A%2F%2Fexample.com%2Fa.png&color=%23ff0000&foo`, { label: 'x' }],
    ['a counter on TOTP is ignored', `otpauth://totp/x?secret=${SECRET}&counter=zzz`, { counter: 0 }],
    ['upper-case scheme, type and parameter names', `OTPAUTH://TOTP/x?SECRET=${SECRET}&Digits=7`, { type: 'totp', digits: 7 }],
    ['surrounding whitespace and a fragment', `  \notpauth://totp/x?secret=${SECRET}#ignored\n`, { label: 'x' }],
    ['a lower-case, padded, spaced secret', `otpauth://totp/x?secret=jbsw+y3dp+ehpk+3pxp%3D%3D%3D%3D`, { label: 'x' }],
    ['HOTP with its counter', `otpauth://hotp/x?secret=${SECRET}&counter=42&digits=8&period=999999`, { type: 'hotp', counter: 42, digits: 8, period: 30 }],
    ['Steam by type', `otpauth://steam/Steam:gamer?secret=${SECRET}`, { type: 'steam', digits: 5, algorithm: 'SHA1', period: 30 }],
    ['Steam by issuer parameter', `otpauth://totp/gamer?secret=${SECRET}&issuer=Steam&digits=6`, { type: 'steam', issuer: 'Steam', digits: 5 }],
    ['Steam by label prefix, any case', `otpauth://totp/steam:gamer?secret=${SECRET}`, { type: 'steam', issuer: 'steam' }],
    ['Steam by encoder=steam (KeePassXC)', `otpauth://totp/Valve:gamer?secret=${SECRET}&encoder=steam`, { type: 'steam', issuer: 'Valve' }],
    ['Steam ignores digits, algorithm and period', `otpauth://steam/x?secret=${SECRET}&digits=9&algorithm=MD5&period=0`, { type: 'steam', digits: 5, algorithm: 'SHA1', period: 30 }],
    ['HOTP issued by Steam stays HOTP', `otpauth://hotp/Steam:x?secret=${SECRET}&counter=1`, { type: 'hotp', digits: 6 }],
  ])('reads %s', (_name, uri, expected) => {
    expect(accountOf(uri)).toMatchObject(expected)
  })

  it('returns the key as canonical base32 and bytes', () => {
    const result = parseUri(`otpauth://totp/x?secret=jbsw-y3dp-ehpk-3pxp`)
    expect(result.ok && result.value.key.base32).toBe(SECRET)
    expect(result.ok && Buffer.from(result.value.key.bytes).toString('hex')).toBe('48656c6c6f21deadbeef')
  })
})

describe('parseUri: refusals, with the position in the URI', () => {
  const long = 'x'.repeat(MAX_NAME_LENGTH + 1)
  it.each<[string, string, Partial<UriError> & Pick<UriError, 'kind'>, RegExp]>([
    ['nothing', '  ', { kind: 'empty' }, /No link/],
    ['another scheme', `https://example.com/?secret=${SECRET}`, { kind: 'not-otpauth', position: 0 }, /otpauth:\/\//],
    ['a Google Authenticator export', 'otpauth-migration://offline?data=abc', { kind: 'not-otpauth' }, /Import/],
    ['an unknown type', `otpauth://motp/x?secret=${SECRET}`, { kind: 'unknown-type', position: 10, type: 'motp' }, /totp, hotp and steam/],
    ['no secret', 'otpauth://totp/x?issuer=A', { kind: 'missing-secret' }, /no secret/],
    ['an empty secret', 'otpauth://totp/x?secret=', { kind: 'bad-secret', position: 24 }, /No key/],
    ['a 0 in the secret, at its URI position', `otpauth://totp/x?secret=JBSWY0DPEHPK3PXP`, { kind: 'bad-secret', position: 29 }, /letter O/],
    ['a short secret', 'otpauth://totp/x?secret=JBSWY3DP', { kind: 'bad-secret' }, /at least 16/],
    ['a bad escape in the label', `otpauth://totp/a%2:b?secret=${SECRET}`, { kind: 'bad-escape', position: 16 }, /character 17/],
    ['escapes that are not UTF-8', `otpauth://totp/a%FF?secret=${SECRET}`, { kind: 'bad-escape', position: 16 }, /UTF-8/],
    ['a bad escape in a value', `otpauth://totp/x?issuer=%zz&secret=${SECRET}`, { kind: 'bad-escape', position: 24 }, /hex/],
    ['MD5', `otpauth://totp/x?secret=${SECRET}&algorithm=MD5`, { kind: 'bad-algorithm', value: 'MD5', position: 51 }, /SHA1, SHA256 and SHA512/],
    ['SHA224', `otpauth://totp/x?secret=${SECRET}&algorithm=SHA224`, { kind: 'bad-algorithm' }, /SHA224/],
    ['5 digits on TOTP', `otpauth://totp/x?secret=${SECRET}&digits=5`, { kind: 'bad-digits', value: '5' }, /6 to 8/],
    ['9 digits', `otpauth://totp/x?secret=${SECRET}&digits=9`, { kind: 'bad-digits' }, /6 to 8/],
    ['digits that are not a number', `otpauth://totp/x?secret=${SECRET}&digits=six`, { kind: 'bad-digits' }, /"six"/],
    ['a zero period', `otpauth://totp/x?secret=${SECRET}&period=0`, { kind: 'bad-period' }, /1 to 3600/],
    ['a negative period', `otpauth://totp/x?secret=${SECRET}&period=-30`, { kind: 'bad-period' }, /"-30"/],
    ['a fractional period', `otpauth://totp/x?secret=${SECRET}&period=30.5`, { kind: 'bad-period' }, /whole number/],
    ['a period over an hour', `otpauth://totp/x?secret=${SECRET}&period=3601`, { kind: 'bad-period' }, /3600/],
    ['HOTP without a counter', `otpauth://hotp/x?secret=${SECRET}`, { kind: 'missing-counter' }, /counter/],
    ['a negative counter', `otpauth://hotp/x?secret=${SECRET}&counter=-1`, { kind: 'bad-counter' }, /0 or more/],
    ['a counter past 2^53', `otpauth://hotp/x?secret=${SECRET}&counter=9007199254740992`, { kind: 'bad-counter' }, /whole number/],
    ['a counter with an exponent', `otpauth://hotp/x?secret=${SECRET}&counter=1e3`, { kind: 'bad-counter' }, /"1e3"/],
    ['two secrets', `otpauth://totp/x?secret=${SECRET}&secret=${SECRET}`, { kind: 'duplicate-parameter', name: 'secret', position: 41 }, /twice/],
    ['a label over 200 characters', `otpauth://totp/${long}?secret=${SECRET}`, { kind: 'name-too-long', field: 'label', position: 15 }, /200/],
    ['an issuer over 200 characters', `otpauth://totp/x?secret=${SECRET}&issuer=${long}`, { kind: 'name-too-long', field: 'issuer', position: 48 }, /200/],
  ])('refuses %s', (_name, uri, expected, message) => {
    const error = errorOf(uri)
    expect(error).toMatchObject(expected)
    expect(error.message).toMatch(message)
  })

  it('counts positions from the start of the text as given, leading spaces included', () => {
    expect(errorOf(`   otpauth://totp/x?secret=${SECRET}&digits=9`)).toMatchObject({ kind: 'bad-digits', position: 3 + 48 })
  })
})

describe('formatUri', () => {
  it('writes the canonical form', () => {
    const account: UriAccount = { type: 'totp', issuer: 'Amazon Seller Central', label: 'me+eu@example.com', algorithm: 'SHA256', digits: 8, period: 60, counter: 0 }
    expect(formatUri(account, SECRET)).toBe(
      `otpauth://totp/Amazon%20Seller%20Central:me%2Beu%40example.com?secret=${SECRET}&issuer=Amazon%20Seller%20Central&algorithm=SHA256&digits=8&period=60`,
    )
  })

  it('writes HOTP with its counter and Steam as otpauth://steam/', () => {
    expect(formatUri({ type: 'hotp', issuer: '', label: 'x', algorithm: 'SHA1', digits: 6, period: 30, counter: 7 }, SECRET)).toBe(
      `otpauth://hotp/x?secret=${SECRET}&algorithm=SHA1&digits=6&counter=7`,
    )
    expect(formatUri({ type: 'steam', issuer: 'Steam', label: 'g', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 }, SECRET)).toBe(
      `otpauth://steam/Steam:g?secret=${SECRET}&issuer=Steam&algorithm=SHA1&digits=5&period=30`,
    )
  })
})

describe('URI properties (fast-check, fixed seed)', () => {
  /** Names as the app stores them: trimmed, at most 200 UTF-16 units, any Unicode. */
  const name = fc
    .oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: fc.constantFrom(':', '%', '+', ' ', '&', '=', '?', '#', '/', 'a'), maxLength: 12 }))
    .map((text) => text.trim())
    .filter((text) => text.length <= MAX_NAME_LENGTH)
  const algorithm = fc.constantFrom<HashAlgorithm>('SHA1', 'SHA256', 'SHA512')
  const account: fc.Arbitrary<UriAccount> = fc.oneof(
    fc
      .record({ issuer: name, label: name, algorithm, digits: fc.integer({ min: 6, max: 8 }), period: fc.integer({ min: 1, max: MAX_PERIOD }) })
      // A TOTP account issued by "Steam" reads back as Steam by design (see parseUri).
      .filter(({ issuer }) => issuer.toLowerCase() !== 'steam')
      .map((a) => ({ ...a, type: 'totp' as const, counter: 0 })),
    fc
      .record({ issuer: name, label: name, algorithm, digits: fc.integer({ min: 6, max: 8 }), counter: fc.maxSafeNat() })
      .map((a) => ({ ...a, type: 'hotp' as const, period: 30 })),
    fc.record({ issuer: name, label: name }).map((a) => ({ ...a, type: 'steam' as const, algorithm: 'SHA1' as const, digits: 5, period: 30, counter: 0 })),
  )

  it('formatUri then parseUri gives back the same account and key', () => {
    fc.assert(
      fc.property(account, fc.uint8Array({ minLength: 10, maxLength: 64 }), (original, bytes) => {
        const base32 = encodeBase32(bytes)
        const result = parseUri(formatUri(original, base32))
        expect(result).toMatchObject({ ok: true })
        if (!result.ok) return
        expect(result.value.account).toEqual(original)
        expect(result.value.key.base32).toBe(base32)
        expect(Buffer.from(result.value.key.bytes).equals(Buffer.from(bytes))).toBe(true)
      }),
      fuzz(SEED, 1000),
    )
  })

  it('never throws on arbitrary or mangled URIs; errors are typed and positions lie inside the text', () => {
    const piece = fc.constantFrom('otpauth://', 'totp', 'hotp', 'steam', '/', ':', '%3A', '%', '%F0%9F', '?', '&', '=', '#', '+', 'secret', 'issuer', 'digits', 'counter', 'period', 'algorithm', SECRET, '0', '-1', ' ')
    const uriLike = fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 20 }).map((parts) => parts.join(''))
    const input = fc.oneof(fc.string({ unit: 'binary' }), uriLike, uriLike.map((rest) => `otpauth://totp/${rest}`))
    fc.assert(
      fc.property(input, (text) => {
        const result = parseUri(text)
        if (result.ok) return
        expect(typeof result.error.kind).toBe('string')
        expect(result.error.message.length).toBeGreaterThan(0)
        if ('position' in result.error) {
          expect(result.error.position).toBeGreaterThanOrEqual(0)
          expect(result.error.position).toBeLessThanOrEqual(text.length)
        }
      }),
      fuzz(SEED, 3000),
    )
  })
})
