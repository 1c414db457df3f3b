import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importFixture, importFixtureText } from '../../../../test/helpers/import-fixtures'
import { expectOathtoolAgrees } from '../../../../test/helpers/oathtool'
import { workerCrypto } from '../../../../test/helpers/transfer-worker'
import { expectTypedResult, fuzzRuns, mutate, mutations, stratum, VECTORS, vector } from '../../../../test/helpers/transfer-support'
import type { JsonObject } from '../json-read'
import { importAuthenticatorPro, looksLikeAuthenticatorPro } from './authenticator-pro'
import { authenticatorProLayout, importEncryptedAuthenticatorPro } from './authenticator-pro-decrypt'

async function opened(name: string, password = 'test') {
  const bytes = importFixture('authenticator-pro', name)
  const layout = authenticatorProLayout(bytes)
  if (layout === null) throw new Error('no header')
  const result = await importEncryptedAuthenticatorPro(bytes, layout, { password, work: await workerCrypto() })
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`)
  return result.value
}

describe('Authenticator Pro (Stratum) backups', () => {
  it("plain JSON, Aegis's test file: all seven vectors, codes as oathtool computes them", async () => {
    const doc = JSON.parse(importFixtureText('authenticator-pro', 'aegis-stratum_plain.json')) as JsonObject
    expect(looksLikeAuthenticatorPro(doc)).toBe(true)
    const result = importAuthenticatorPro(doc)
    expect(result).toEqual({ format: 'authenticator-pro', accounts: VECTORS, errors: [], warnings: [] })
    await expectOathtoolAgrees(result.accounts)
  })

  it('encrypted "AUTHENTICATORPRO" (Argon2id on the worker + AES-GCM) and legacy "AuthenticatorPro" (PBKDF2 + AES-CBC), password "test"', async () => {
    expect((await opened('aegis-stratum_encrypted.bin')).accounts).toEqual(VECTORS)
    expect((await opened('aegis-stratum_encrypted_legacy.bin')).accounts).toEqual(VECTORS)
  })

  it("the app's own test backup (Stratum.Test/data/backup.strong.authpro): its 9-digit code is refused with the field named", async () => {
    const result = await opened('stratum-backup.strong.authpro')
    expect(result.accounts).toEqual([stratum('Long', 'Period'), stratum('Sha', '256'), stratum('Sha', '512'), stratum('Standard', 'Hotp'), stratum('Standard', 'Totp'), stratum('NoIssuer', '')])
    expect(result.errors).toEqual([{ index: 1, name: 'Many / Digits', message: 'Field "Digits": Codes of 9 digits are not supported; codes have 6 to 8 digits.' }])
    await expectOathtoolAgrees(result.accounts)
  })

  it('no password, a wrong password and a damaged file each get their own error', async () => {
    const bytes = importFixture('authenticator-pro', 'aegis-stratum_encrypted.bin')
    const work = await workerCrypto()
    expect(await importEncryptedAuthenticatorPro(bytes, 'strong', {})).toMatchObject({ ok: false, error: { kind: 'password-required' } })
    expect(await importEncryptedAuthenticatorPro(bytes, 'strong', { password: 'nope', work })).toMatchObject({ ok: false, error: { kind: 'wrong-password' } })
    expect(await importEncryptedAuthenticatorPro(bytes.subarray(0, 50), 'strong', { password: 'test', work })).toMatchObject({ ok: false, error: { kind: 'bad-file' } })
    const legacy = importFixture('authenticator-pro', 'aegis-stratum_encrypted_legacy.bin')
    expect(await importEncryptedAuthenticatorPro(legacy, 'legacy', { password: 'nope' })).toMatchObject({ ok: false, error: { kind: 'wrong-password' } })
    expect(await importEncryptedAuthenticatorPro(legacy.subarray(0, legacy.length - 3), 'legacy', { password: 'test' })).toMatchObject({ ok: false, error: { kind: 'bad-file' } })
  })

  it('categories become groups; mOTP, Yandex, unknown algorithms and wrong field types are entry errors', () => {
    const a = { Type: 2, Issuer: 'Deno', Username: 'Mason', Secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', Algorithm: 0, Digits: 6, Period: 30, Counter: 0 }
    const doc = {
      Authenticators: [a, { ...a, Type: 3 }, { ...a, Type: 5 }, { ...a, Algorithm: 7 }, { ...a, Digits: '6' }],
      Categories: [{ Id: 'c1', Name: 'Marketplaces', Ranking: 0 }],
      AuthenticatorCategories: [{ CategoryId: 'c1', AuthenticatorSecret: a.Secret, Ranking: 0 }],
    }
    const result = importAuthenticatorPro(doc)
    expect(result.accounts).toEqual([{ ...vector(1), group: 'Marketplaces' }])
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('mOTP entries are not supported'),
      expect.stringContaining('Yandex entries are not supported'),
      'Field "Algorithm": 7 is not one of 0 (SHA1), 1 (SHA256), 2 (SHA512).',
      'The field "Digits" holds the text "6", but must be a number.',
    ])
  })

  it('fuzz: mutated legacy backups and random plain entries always give a typed result', async () => {
    const legacy = importFixture('authenticator-pro', 'aegis-stratum_encrypted_legacy.bin')
    await fc.assert(
      fc.asyncProperty(mutations, async (edits) => {
        const bytes = mutate(legacy, edits)
        expectTypedResult(await importEncryptedAuthenticatorPro(bytes, 'legacy', { password: 'test' }))
      }),
      fuzzRuns(40),
    )
    const entry = fc.oneof(fc.anything(), fc.record({ Type: fc.anything(), Secret: fc.anything(), Algorithm: fc.anything(), Digits: fc.anything(), Issuer: fc.anything() }))
    fc.assert(fc.property(fc.array(entry, { maxLength: 5 }), fc.anything(), (items, categories) => expectTypedResult({ ok: true, value: importAuthenticatorPro({ Authenticators: items, Categories: categories, AuthenticatorCategories: categories }) })), fuzzRuns(300))
  })
})
