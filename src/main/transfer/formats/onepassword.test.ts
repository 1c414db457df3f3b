import { describe, expect, it } from 'vitest'
import { expectOathtoolAgrees } from '../../../../test/helpers/oathtool'
import { vector } from '../../../../test/helpers/transfer-support'
import { importFile } from '../detect'
import { importFixture, importFixtureText } from '../../../../test/helpers/import-fixtures'
import { importOnePasswordCsv, looksLikeOnePasswordCsv } from './onepassword'

describe('1Password exports', () => {
  it(".1pux (KeePassXC's test file with valid keys): an otpauth URI and a bare key in one item, named by title and username", async () => {
    const result = await importFile(importFixture('1password', 'vectors-1PasswordExport.1pux'))
    if (!result.ok) throw new Error(result.error.message)
    // The file has two vaults, so the vault names the group.
    expect(result.value.accounts).toEqual([{ ...vector(1), group: 'Personal' }, { type: 'totp', issuer: 'Login', label: 'team@keepassxc.org', secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, group: 'Personal' }])
    expect(result.value.warnings).toEqual([{ kind: 'skipped-entries', count: 8, message: '8 entries without a one-time password were left out.' }])
    await expectOathtoolAgrees(result.value.accounts)
  })

  it('1Password 8 CSV: OTPAuth as URI or bare key; rows without one counted; bad ones reported with their line', async () => {
    const text = importFixtureText('1password', '1password-8.csv')
    expect(looksLikeOnePasswordCsv(text)).toBe(true)
    const result = importOnePasswordCsv(text)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.accounts).toEqual([vector(1), vector(2), { type: 'totp', issuer: 'Amazon Seller Central', label: 'seller@example.com', secret: 'KUVJJOM753IHTNDSZVCNKL7GII', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 }])
    expect(result.value.errors).toEqual([{ index: 4, name: 'Broken / nobody', message: expect.stringMatching(/^Line 6: Field "OTPAuth": /) }])
    expect(result.value.warnings).toMatchObject([{ kind: 'skipped-entries', count: 1 }])
    await expectOathtoolAgrees(result.value.accounts)
  })
})
