import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { HashAlgorithm } from '../../shared/contract/accounts'
import { codeFrame, hotpCode, steamCode, totpCode } from './generate'
import type { OtpParams } from './params'

const ascii = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'ascii'))

describe('HOTP: RFC 4226 appendix D', () => {
  const secret = ascii('12345678901234567890')
  it.each([
    [0, '755224'],
    [1, '287082'],
    [2, '359152'],
    [3, '969429'],
    [4, '338314'],
    [5, '254676'],
    [6, '287922'],
    [7, '162583'],
    [8, '399871'],
    [9, '520489'],
  ])('counter %i gives %s', (counter, code) => {
    expect(hotpCode({ algorithm: 'SHA1', digits: 6 }, secret, counter)).toBe(code)
  })

  it('reads only its own bytes when the key is a view into a larger buffer (e.g. a pooled Buffer)', () => {
    const pooled = Buffer.from('12345678901234567890', 'ascii')
    const inside = new Uint8Array(Buffer.from('xx12345678901234567890yy', 'ascii')).subarray(2, 22)
    expect(hotpCode({ algorithm: 'SHA1', digits: 6 }, pooled, 0)).toBe('755224')
    expect(hotpCode({ algorithm: 'SHA1', digits: 6 }, inside, 1)).toBe('287082')
  })

  it('refuses a negative or fractional counter (a bug in the caller)', () => {
    expect(() => hotpCode({ algorithm: 'SHA1', digits: 6 }, secret, -1)).toThrow(RangeError)
    expect(() => hotpCode({ algorithm: 'SHA1', digits: 6 }, secret, 1.5)).toThrow(RangeError)
  })
})

describe('TOTP: RFC 6238 appendix B (8 digits, 30 s)', () => {
  // The RFC's seeds: the ASCII digits repeated to the hash's output size (20, 32 and 64 bytes).
  const seeds: Record<HashAlgorithm, Uint8Array> = {
    SHA1: ascii('12345678901234567890'),
    SHA256: ascii('12345678901234567890123456789012'),
    SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
  }
  const table: ReadonlyArray<[number, string, string, string]> = [
    // unix seconds, SHA1, SHA256, SHA512
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ]
  const cases = table.flatMap(([seconds, sha1, sha256, sha512]) => [
    { seconds, algorithm: 'SHA1' as const, code: sha1 },
    { seconds, algorithm: 'SHA256' as const, code: sha256 },
    { seconds, algorithm: 'SHA512' as const, code: sha512 },
  ])
  it.each(cases)('$algorithm at $seconds s gives $code', ({ seconds, algorithm, code }) => {
    expect(totpCode({ algorithm, digits: 8, period: 30 }, seeds[algorithm], seconds * 1000)).toBe(code)
  })

  it('uses whole steps: the last ms of a period still gives that period’s code', () => {
    const params = { algorithm: 'SHA1', digits: 8, period: 30 } as const
    expect(totpCode(params, seeds.SHA1, 59_999)).toBe('94287082')
    expect(totpCode(params, seeds.SHA1, 60_000)).not.toBe('94287082')
  })

  it('refuses times before the epoch and non-numbers (a bug in the caller)', () => {
    const params = { algorithm: 'SHA1', digits: 6, period: 30 } as const
    expect(() => totpCode(params, seeds.SHA1, -1)).toThrow(RangeError)
    expect(() => totpCode(params, seeds.SHA1, Number.NaN)).toThrow(RangeError)
  })
})

/**
 * Steam Guard written out from the algorithm, independently of generate.ts: HMAC-SHA1
 * over the big-endian 30 s counter, RFC 4226 dynamic truncation, then five
 * characters of Steam's alphabet, least significant first.
 */
function referenceSteam(key: Uint8Array, unixSeconds: number): string {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)))
  const mac = createHmac('sha1', key).update(counter).digest()
  const offset = (mac[19] ?? 0) & 0x0f
  let value = mac.readUInt32BE(offset) & 0x7fffffff
  const alphabet = '23456789BCDFGHJKMNPQRTVWXY'
  let code = ''
  for (let i = 0; i < 5; i++) {
    code += alphabet[value % 26]
    value = Math.floor(value / 26)
  }
  return code
}

describe('Steam Guard codes', () => {
  it('matches a published vector (bukson/steampy test/test_guard.py: shared secret "1234567890abcdefghij", t = 1469184207 s)', () => {
    expect(steamCode(ascii('1234567890abcdefghij'), 1469184207 * 1000)).toBe('P2QJN')
    expect(referenceSteam(ascii('1234567890abcdefghij'), 1469184207)).toBe('P2QJN')
  })

  it('matches the hand-written reference for random keys and times (fixed seed)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 40 }), fc.integer({ min: 0, max: 4_102_444_800 }), (key, seconds) => {
        const code = steamCode(key, seconds * 1000)
        expect(code).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/)
        expect(code).toBe(referenceSteam(key, seconds))
      }),
      { seed: 4226, numRuns: 300 },
    )
  })
})

describe('code frames and codes around now', () => {
  const key = ascii('12345678901234567890')
  const totp: OtpParams = { type: 'totp', algorithm: 'SHA1', digits: 8, period: 30, counter: 0 }

  it('TOTP: this period’s code, the next one, and when the period started', () => {
    expect(codeFrame(totp, key, 59_000)).toEqual({ code: '94287082', nextCode: totpCode(totp, key, 60_000), periodStart: 30_000, period: 30 })
  })

  it('TOTP with a 60 s period starts periods on whole minutes', () => {
    const frame = codeFrame({ ...totp, period: 60 }, key, 1_234_567_890_123)
    expect(frame.periodStart).toBe(1_234_567_860_000)
    expect(frame.period).toBe(60)
  })

  it('Steam: 30 s periods whatever the params say', () => {
    const frame = codeFrame({ type: 'steam', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 }, ascii('1234567890abcdefghij'), 1469184207_000)
    expect(frame).toMatchObject({ code: 'P2QJN', periodStart: 1469184180_000, period: 30 })
    expect(frame.nextCode).toBe(referenceSteam(ascii('1234567890abcdefghij'), 1469184210))
  })

  it('HOTP: the code at the account’s counter, no next code, no period', () => {
    expect(codeFrame({ ...totp, type: 'hotp', digits: 6, counter: 3 }, key, 123)).toEqual({ code: '969429', nextCode: null, periodStart: 0, period: 0 })
  })
})
