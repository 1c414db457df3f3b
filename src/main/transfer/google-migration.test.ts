import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBase32 } from '../otp/base32'
import { importGoogleMigration, looksLikeGoogleMigration, splitName } from './google-migration'
import { encodeMigrationPayload, type OtpParameters } from './google-payload'
import { anyText, expectTypedResult, fuzzRuns, interopMissing, needs, mutate, mutations, readInterop } from '../../../test/helpers/transfer-support'

const SECRET = '7KSQL2JTUDIS5EF65KLMRQIIGY'

function params(overrides: Partial<OtpParameters> = {}): OtpParameters {
  return { secret: decodeBase32(SECRET), name: 'alice', issuer: 'Example', algorithm: 1, digits: 1, type: 2, counter: '0', ...overrides }
}

/** One QR code's link. Google percent-encodes the base64 in the query. */
function link(otpParameters: OtpParameters[], batch: { id?: number; index?: number; size?: number } = {}): string {
  const bytes = encodeMigrationPayload({ otpParameters, version: 1, batchId: batch.id ?? 1234, batchIndex: batch.index ?? 0, batchSize: batch.size ?? 1 })
  return `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`
}

function imported(text: string) {
  const result = importGoogleMigration(text)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

type Expected = Readonly<{ name: string; secret: string; issuer: string; type: 'totp' | 'hotp'; counter: number | null }>

needs(interopMissing).describe('Google Authenticator export: extract_otp_secrets example', () => {
  it('decodes every entry of example_export.txt exactly as example_output.json lists it', () => {
    const expected = JSON.parse(readInterop('google-migration/example_output.json').toString('utf8')) as Expected[]
    const result = imported(readInterop('google-migration/example_export.txt').toString('utf8'))
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.accounts).toEqual(
      expected.map((entry) => ({
        type: entry.type,
        issuer: entry.issuer,
        label: entry.name,
        secret: entry.secret,
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: entry.counter ?? 0,
      })),
    )
    // Including the non-ASCII name, kept whole (see splitName).
    expect(result.accounts.at(-1)?.label).toBe('encoding: ¿äÄéÉ? (demo)')
  })

  it('fuzz: mutated example_export.txt always gives a typed result', () => {
    const original = readInterop('google-migration/example_export.txt')
    fc.assert(
      fc.property(mutations, (edits) => {
        expectTypedResult(importGoogleMigration(Buffer.from(mutate(original, edits)).toString('utf8')))
      }),
      fuzzRuns(300),
    )
  })
})

describe('Google Authenticator export: batches', () => {
  const a = params({ name: 'a' })
  const b = params({ name: 'b' })
  const c = params({ name: 'c' })

  it('combines the QR codes of one export by batch id, in batch order', () => {
    const text = [link([c], { id: 7, index: 2, size: 3 }), link([a], { id: 7, index: 0, size: 3 }), link([b], { id: 7, index: 1, size: 3 })].join('\n')
    const result = imported(text)
    expect(result.accounts.map((account) => account.label)).toEqual(['a', 'b', 'c'])
    expect(result.warnings).toEqual([])
  })

  it('returns the accounts found and a typed missing-batch warning when codes are missing', () => {
    const text = [link([a], { id: -99, index: 0, size: 4 }), link([c], { id: -99, index: 2, size: 4 })].join('\n')
    const result = imported(text)
    expect(result.accounts.map((account) => account.label)).toEqual(['a', 'c'])
    expect(result.warnings).toEqual([
      { kind: 'missing-batch', batchId: -99, batchSize: 4, missing: [1, 3], message: expect.stringContaining('codes 2, 4 are missing') },
    ])
  })

  it('counts a QR code scanned twice once', () => {
    const first = link([a], { id: 5, index: 0, size: 2 })
    const result = imported([first, first, link([b], { id: 5, index: 1, size: 2 })].join('\n'))
    expect(result.accounts.map((account) => account.label)).toEqual(['a', 'b'])
  })

  it('keeps separate exports apart, each complete on its own', () => {
    const result = imported([link([a], { id: 1 }), link([b], { id: 2 })].join('\n'))
    expect(result.accounts).toHaveLength(2)
    expect(result.warnings).toEqual([])
  })
})

describe('Google Authenticator export: entries', () => {
  it('maps algorithm, digits, type and counter', () => {
    const result = imported(link([params({ algorithm: 2, digits: 2, type: 1, counter: '42' }), params({ algorithm: 3, digits: 0, type: 0 })]))
    expect(result.accounts).toEqual([
      { type: 'hotp', issuer: 'Example', label: 'alice', secret: SECRET, algorithm: 'SHA256', digits: 8, period: 30, counter: 42 },
      { type: 'totp', issuer: 'Example', label: 'alice', secret: SECRET, algorithm: 'SHA512', digits: 6, period: 30, counter: 0 },
    ])
  })

  it('reports unusable entries and keeps the rest', () => {
    const result = imported(link([params({ algorithm: 4 }), params({ secret: new Uint8Array(0) }), params({ digits: 9 }), params({ type: 3 }), params({ secret: new Uint8Array(5) }), params()]))
    expect(result.accounts).toHaveLength(1)
    expect(result.errors.map((error) => [error.index, error.name])).toEqual([
      [0, 'Example / alice'],
      [1, 'Example / alice'],
      [2, 'Example / alice'],
      [3, 'Example / alice'],
      [4, 'Example / alice'],
    ])
    expect(result.errors[0]?.message).toMatch(/MD5/)
    expect(result.errors[1]?.message).toMatch(/no secret/)
    expect(result.errors[4]?.message).toMatch(/only 8 characters/)
  })

  it('refuses HOTP counters that are negative or beyond 2^53', () => {
    const result = imported(link([params({ type: 1, counter: '-5' }), params({ type: 1, counter: '9007199254740993' }), params({ type: 1, counter: '9007199254740991' })]))
    expect(result.accounts.map((account) => account.counter)).toEqual([Number.MAX_SAFE_INTEGER])
    expect(result.errors.map((error) => error.message)).toEqual([expect.stringMatching(/counter/), expect.stringMatching(/counter/)])
  })

  it('reports a damaged line with its number and reads the others', () => {
    const result = imported(['# my export', link([params()]), 'otpauth-migration://offline?data=%%%', 'otpauth-migration://offline?data=AAAA'].join('\n'))
    expect(result.accounts).toHaveLength(1)
    expect(result.errors.map((error) => error.line)).toEqual([3, 4])
  })

  it('is a bad file when no line can be read', () => {
    expect(importGoogleMigration('otpauth-migration://offline?foo=1')).toMatchObject({ ok: false, error: { kind: 'bad-file', format: 'google-migration' } })
    expect(importGoogleMigration('# nothing\n')).toMatchObject({ ok: false, error: { kind: 'bad-file' } })
  })

  it('accepts base64 whose "+" was turned into a space, and unpadded or URL-safe base64', () => {
    // Pick a payload whose base64 has a "+" and padding.
    const payloads = Array.from({ length: 200 }, (_, i) => encodeMigrationPayload({ otpParameters: [params({ name: `n${i}` })], version: 1, batchId: i * 7919 - 100_000, batchIndex: 0, batchSize: 1 }))
    const bytes = payloads.find((payload) => /\+.*=$/.test(Buffer.from(payload).toString('base64')))
    if (!bytes) throw new Error('no payload with "+" and padding')
    const base64 = Buffer.from(bytes).toString('base64')
    for (const data of [base64.replace(/\+/g, ' '), base64.replace(/=+$/, ''), Buffer.from(bytes).toString('base64url')]) {
      expect(imported(`otpauth-migration://offline?data=${data}`).accounts).toHaveLength(1)
    }
  })

  it.each([
    ['Example:alice', 'Example', { issuer: 'Example', label: 'alice' }],
    ['Example: alice', 'Example', { issuer: 'Example', label: 'alice' }],
    ['alice', 'Example', { issuer: 'Example', label: 'alice' }],
    ['Other:alice', 'Example', { issuer: 'Example', label: 'Other:alice' }],
    ['encoding: ¿äÄéÉ? (demo)', '', { issuer: '', label: 'encoding: ¿äÄéÉ? (demo)' }],
  ])('name %j with issuer %j', (name, issuer, expected) => {
    expect(splitName(name, issuer)).toEqual(expected)
  })

  it('recognises export links by content', () => {
    expect(looksLikeGoogleMigration('# c\notpauth-migration://offline?data=AA')).toBe(true)
    expect(looksLikeGoogleMigration('otpauth://totp/a?secret=AA')).toBe(false)
  })

  it('fuzz: random payload bytes in a link always give a typed result', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expectTypedResult(importGoogleMigration(`otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`))
      }),
      fuzzRuns(500),
    )
  })

  it('fuzz: mutated valid payloads always give a typed result', () => {
    const valid = encodeMigrationPayload({ otpParameters: [params(), params({ type: 1, counter: '9007199254740993' })], version: 1, batchId: 3, batchIndex: 1, batchSize: 3 })
    fc.assert(
      fc.property(mutations, (edits) => {
        const data = Buffer.from(mutate(valid, edits)).toString('base64')
        expectTypedResult(importGoogleMigration(`otpauth-migration://offline?data=${encodeURIComponent(data)}`))
      }),
      fuzzRuns(400),
    )
  })

  it('fuzz: random text always gives a typed result', () => {
    fc.assert(
      fc.property(anyText(200), (text) => {
        expectTypedResult(importGoogleMigration(`otpauth-migration://offline?${text}`))
        expectTypedResult(importGoogleMigration(text))
      }),
      fuzzRuns(200),
    )
  })
})
