import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importFixture, importFixtureText } from '../../../../test/helpers/import-fixtures'
import { expectOathtoolAgrees, steamCodes, VECTOR_7_STEAM_CODES } from '../../../../test/helpers/oathtool'
import { expectTypedResult, fuzzRuns, mutate, mutations, VECTORS, vector } from '../../../../test/helpers/transfer-support'
import { importAndOtp, importEncryptedAndOtp, looksLikeAndOtp, looksLikeEncryptedAndOtp } from './andotp'

const json = (name: string) => JSON.parse(importFixtureText('andotp', name)) as unknown[]
// OTPClient marks Steam by its issuer, so its export names vector #7 "Steam".
const OTPCLIENT = [...VECTORS.slice(0, 6), { ...vector(7), issuer: 'Steam' }]

async function opened(name: string, layout: 'new' | 'old', password = 'test') {
  const result = await importEncryptedAndOtp(importFixture('andotp', name), layout, { password })
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`)
  return result.value
}

describe('andOTP backups', () => {
  it('plain JSON written by otpclient-cli 3.1.4: all seven vectors, codes as oathtool computes them', async () => {
    const doc = json('otpclient-andotp-plain.json')
    expect(looksLikeAndOtp(doc)).toBe(true)
    const result = importAndOtp(doc)
    expect(result).toEqual({ format: 'andotp', accounts: OTPCLIENT, errors: [], warnings: [] })
    await expectOathtoolAgrees(result.accounts)
    expect(steamCodes(result.accounts[6]!)).toEqual(VECTOR_7_STEAM_CODES)
  })

  it('encrypted backup written by otpclient-cli 3.1.4 (PBKDF2-SHA1 + AES-256-GCM), password "test"', async () => {
    const bytes = importFixture('andotp', 'otpclient-andotp-encrypted.bin')
    expect(looksLikeEncryptedAndOtp(bytes)).toBe(true)
    const result = await opened('otpclient-andotp-encrypted.bin', 'new')
    expect(result.accounts).toEqual(OTPCLIENT)
    await expectOathtoolAgrees(result.accounts)
  })

  it('Aegis test files: plain, encrypted new format and old format (SHA-256 key)', async () => {
    expect(importAndOtp(json('aegis-andotp_plain.json')).accounts).toEqual(VECTORS)
    expect((await opened('aegis-andotp_encrypted.bin', 'new')).accounts).toEqual(VECTORS)
    // Old andOTP had no issuer field and labels "Deno - Deno:Mason"; that file has no Steam entry.
    const old = await opened('aegis-andotp_encrypted_old.bin', 'old')
    expect(old.accounts).toEqual(VECTORS.slice(0, 6))
    await expectOathtoolAgrees(old.accounts)
  })

  it('no password, a wrong one, and a damaged file each get their own error', async () => {
    const bytes = importFixture('andotp', 'otpclient-andotp-encrypted.bin')
    expect(await importEncryptedAndOtp(bytes, 'new', {})).toMatchObject({ ok: false, error: { kind: 'password-required', format: 'andotp' } })
    expect(await importEncryptedAndOtp(bytes, 'new', { password: 'Test' })).toMatchObject({ ok: false, error: { kind: 'wrong-password' } })
    expect(await importEncryptedAndOtp(bytes.subarray(0, 30), 'new', { password: 'test' })).toMatchObject({ ok: false, error: { kind: 'bad-file', message: expect.stringContaining('cut short') } })
    const badIterations = bytes.slice()
    badIterations.set([0x7f, 0, 0, 0], 0)
    expect(await importEncryptedAndOtp(badIterations, 'new', { password: 'test' })).toMatchObject({ ok: false, error: { kind: 'bad-file' } })
  })

  it("andOTP's own defaults for missing fields; wrong types and unknown types are entry errors", () => {
    const base = { secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', issuer: 'Deno', label: 'Mason' }
    const result = importAndOtp([base, { ...base, digits: '6' }, { ...base, type: 'HOTP' }, { ...base, type: 'MOTP' }, { ...base, tags: ['Work', 'x'] }, 'junk'])
    expect(result.accounts).toEqual([vector(1), { ...vector(1), group: 'Work' }])
    expect(result.errors).toEqual([
      { index: 1, name: 'Deno / Mason', message: 'The field "digits" holds the text "6", but must be a number.' },
      { index: 2, name: 'Deno / Mason', message: 'Field "counter": the HOTP entry has no counter.' },
      { index: 3, name: 'Deno / Mason', message: expect.stringContaining('"MOTP" entries are not supported') },
      { index: 5, message: 'The entry is damaged.' },
    ])
  })

  it('fuzz: mutated encrypted backups and random entries always give a typed result', async () => {
    const bytes = importFixture('andotp', 'aegis-andotp_encrypted_old.bin')
    await fc.assert(
      fc.asyncProperty(mutations, async (edits) => expectTypedResult(await importEncryptedAndOtp(mutate(bytes, edits), 'old', { password: 'test' }))),
      fuzzRuns(200),
    )
    const entry = fc.oneof(fc.anything(), fc.record({ secret: fc.anything(), label: fc.anything(), issuer: fc.anything(), type: fc.constantFrom('TOTP', 'HOTP', 'STEAM', 'x', 3), digits: fc.anything(), counter: fc.anything(), period: fc.anything(), tags: fc.anything() }))
    fc.assert(fc.property(fc.array(entry, { maxLength: 5 }), (entries) => expectTypedResult({ ok: true, value: importAndOtp(entries) })), fuzzRuns(300))
  })
})
