import { describe, expect, it } from 'vitest'
import { importFixtureText } from '../../../../test/helpers/import-fixtures'
import { expectOathtoolAgrees } from '../../../../test/helpers/oathtool'
import { stratum } from '../../../../test/helpers/transfer-support'
import type { JsonObject } from '../json-read'
import { importLastPass, looksLikeLastPass } from './lastpass'

describe('LastPass Authenticator export', () => {
  it("Authenticator Pro's test file: folders as groups (not folder 0), issuer-less account named by its user, 9 digits refused", async () => {
    const doc = JSON.parse(importFixtureText('lastpass', 'stratum-lastpass.json')) as JsonObject
    expect(looksLikeLastPass(doc)).toBe(true)
    const result = importLastPass(doc)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.accounts).toEqual([
      stratum('Standard', 'Totp', { group: 'Favorites' }),
      stratum('Long', 'Period', { group: 'Favorites' }),
      stratum('NoIssuer', '', { group: 'Group' }),
      stratum('Sha', '256'),
      stratum('Sha', '512'),
    ])
    expect(result.value.errors).toEqual([{ index: 2, name: 'Many / Digits', message: 'Field "digits": Codes of 9 digits are not supported; codes have 6 to 8 digits.' }])
    await expectOathtoolAgrees(result.value.accounts)
  })

  it('a newer export version is refused; wrong field types are entry errors', () => {
    expect(importLastPass({ version: 4, accounts: [] })).toMatchObject({ ok: false, error: { kind: 'unsupported-version', version: 4 } })
    const result = importLastPass({ version: 3, accounts: [{ issuerName: 'A', userName: 'b', secret: 'JBSWY3DPEHPK3PXP', timeStep: '30', digits: 6, algorithm: 'SHA1' }] })
    expect(result).toMatchObject({ ok: true, value: { errors: [{ message: 'The field "timeStep" holds the text "30", but must be a number.' }] } })
  })
})
