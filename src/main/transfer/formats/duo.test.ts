import { describe, expect, it } from 'vitest'
import { importFixtureText } from '../../../../test/helpers/import-fixtures'
import { expectOathtoolAgrees } from '../../../../test/helpers/oathtool'
import { vector } from '../../../../test/helpers/transfer-support'
import { importDuo, looksLikeDuo } from './duo'

describe('Duo Mobile accounts.json', () => {
  it("Aegis's test file: TOTP and HOTP (counter kept), no issuer, Duo's SHA1/6/30 s", async () => {
    const doc = JSON.parse(importFixtureText('duo', 'aegis-duo.json')) as unknown[]
    expect(looksLikeDuo(doc)).toBe(true)
    const result = importDuo(doc)
    const plain = (n: number) => ({ ...vector(n), issuer: '' })
    expect(result).toEqual({ format: 'duo', accounts: [plain(1), { ...plain(4), counter: 3 }], errors: [], warnings: [] })
    await expectOathtoolAgrees(result.accounts)
  })

  it('push-only accounts are left out; a wrong counter type is an entry error', () => {
    const result = importDuo([{ accountType: 'DuoPush', name: 'Work' }, { name: 'x', otpGenerator: { otpSecret: 'JBSWY3DPEHPK3PXP', counter: '1' } }])
    expect(result.accounts).toEqual([])
    expect(result.errors).toEqual([{ index: 1, name: 'x', message: 'The field "otpGenerator.counter" holds the text "1", but must be a number.' }])
  })
})
