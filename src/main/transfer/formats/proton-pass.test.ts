import { describe, expect, it } from 'vitest'
import { importFixture, importFixtureText } from '../../../../test/helpers/import-fixtures'
import { expectOathtoolAgrees } from '../../../../test/helpers/oathtool'
import { importFile } from '../detect'
import type { JsonObject } from '../json-read'
import { importProtonPass, looksLikeProtonPass } from './proton-pass'

describe('Proton Pass export', () => {
  it("Bitwarden's test data: the valid key imported with its vault as group; the too-short ones reported; trash and code-less items counted", async () => {
    const doc = JSON.parse(importFixtureText('proton-pass', 'protonpass-data.json')) as JsonObject
    expect(looksLikeProtonPass(doc)).toBe(true)
    const result = importProtonPass(doc)
    expect(result.accounts).toEqual([{ type: 'totp', issuer: 'Other vault login', label: 'other vault username', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, group: 'Test' }])
    expect(result.errors).toEqual([
      { index: 0, name: 'Test Login - Personal Vault / Username', message: expect.stringMatching(/^Field "data.content.totpUri": .*too short/) },
      { index: 1, name: 'Test Login - Personal Vault (second 2fa secret) / Username', message: expect.stringMatching(/^Field "data.extraFields\[2\].data.totpUri": .*too short/) },
    ])
    expect(result.warnings.map((w) => (w as { count: number }).count)).toEqual([4, 1])
    await expectOathtoolAgrees(result.accounts)
  })

  it('the zip Proton Pass writes ("Proton Pass/data.json") reads the same; an encrypted one (data.pgp) is refused with what to do', async () => {
    const zip = await importFile(importFixture('proton-pass', 'protonpass-export.zip'))
    expect(zip).toMatchObject({ ok: true, value: { format: 'proton-pass', accounts: [{ issuer: 'Other vault login' }] } })
    const { zipSync } = await import('fflate')
    const encrypted = zipSync({ 'Proton Pass/data.pgp': new TextEncoder().encode('-----BEGIN PGP MESSAGE-----') })
    expect(await importFile(encrypted)).toMatchObject({ ok: false, error: { kind: 'unsupported-encryption', format: 'proton-pass' } })
  })
})
