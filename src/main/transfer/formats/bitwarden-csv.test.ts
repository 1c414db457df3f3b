import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importFixtureText } from '../../../../test/helpers/import-fixtures'
import { expectOathtoolAgrees, steamCodes, VECTOR_7_STEAM_CODES } from '../../../../test/helpers/oathtool'
import { expectTypedResult, fuzzRuns, vector } from '../../../../test/helpers/transfer-support'
import { importBitwardenCsv, looksLikeBitwardenCsv } from './bitwarden-csv'

function imported(name: string) {
  const text = importFixtureText('bitwarden', name)
  expect(looksLikeBitwardenCsv(text)).toBe(true)
  const result = importBitwardenCsv(text)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('Bitwarden CSV export', () => {
  it("without `reprompt` (Aegis's test file): otpauth URIs and steam://", async () => {
    const result = imported('aegis-bitwarden.csv')
    expect(result.errors).toEqual([])
    expect(result.accounts).toEqual([vector(1), vector(2), vector(3), { ...vector(7), issuer: 'Test 4', label: '' }])
    await expectOathtoolAgrees(result.accounts)
    expect(steamCodes(result.accounts[3]!)).toEqual(VECTOR_7_STEAM_CODES)
  })

  it('with `reprompt` (current exports): URI, bare base32, steam://, quoted fields with commas and line breaks; folders as groups; logins without a code counted', async () => {
    const result = imported('bitwarden-reprompt.csv')
    expect(result.accounts).toEqual([
      { type: 'totp', issuer: 'Amazon', label: 'seller@example.com', secret: 'L4VJYQPAPM6YRJWC6AMU46YR2OUMAX3OSK2NODB6D6FCW3E5BZDQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, group: 'Marketplaces' },
      vector(1),
      { ...vector(7), issuer: 'Steam' },
    ])
    expect(result.errors).toEqual([{ index: 5, name: 'Broken / nobody', message: expect.stringMatching(/^Line 8: Field "login_totp": The secret key is not valid/) }])
    expect(result.warnings).toEqual([{ kind: 'skipped-entries', count: 2, message: '2 entries without a one-time code (passwords, notes, cards) were left out.' }])
    await expectOathtoolAgrees(result.accounts)
  })

  it('a quoted field that never ends is a damaged file', () => {
    expect(importBitwardenCsv('type,name,login_username,login_totp\nlogin,"A,b,JBSWY3DPEHPK3PXP\n')).toMatchObject({ ok: false, error: { kind: 'bad-file', format: 'bitwarden' } })
  })

  it('fuzz: random rows always give a typed result', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('otpauth://totp/a?secret=JBSWY3DPEHPK3PXP', 'steam://', '"', '""', ',', '\n'))
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 6 }), (rows) => {
        const text = ['folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp', ...rows.map((r) => r.join(','))].join('\n')
        expectTypedResult(importBitwardenCsv(text))
      }),
      fuzzRuns(300),
    )
  })
})
