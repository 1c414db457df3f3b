import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importFixtureText } from '../../../../test/helpers/import-fixtures'
import { expectOathtoolAgrees } from '../../../../test/helpers/oathtool'
import { expectTypedResult, fuzzRuns, vector } from '../../../../test/helpers/transfer-support'
import { readAndroidPrefs } from '../android-prefs'
import { authyTokensFromPrefs, importAuthy, looksLikeAuthy } from './authy'

/** Authy codes are always SHA1 (Aegis's DatabaseImporterTest fixes the algorithm up the same way). */
const sha1 = (n: number) => ({ ...vector(n), algorithm: 'SHA1' as const, period: 30 })

function fromPrefs(name: string) {
  const prefs = readAndroidPrefs(importFixtureText('authy', name))
  if (!prefs.ok) throw new Error(prefs.error)
  return importAuthy(authyTokensFromPrefs(prefs.value))
}

describe('Authy, as decrypted by community export tools', () => {
  it("Android app preferences (Aegis's test file): TOTP tokens, names from originalIssuer and name", async () => {
    const result = fromPrefs('aegis-authy_plain.xml')
    expect(result).toEqual({ format: 'authy', accounts: [sha1(1), sha1(2), sha1(3)], errors: [], warnings: [] })
    await expectOathtoolAgrees(result.accounts)
  })

  it("Authy's own tokens: hex secretSeed, 7 digits, 10 s", async () => {
    const result = fromPrefs('authy-apps.xml')
    expect(result.accounts).toEqual([{ type: 'totp', issuer: 'Twilio', label: '', secret: vector(4).secret, algorithm: 'SHA1', digits: 7, period: 10, counter: 0 }])
    await expectOathtoolAgrees(result.accounts)
  })

  it('Authy-iOS-MiTM decrypt.py output; a token it failed to decrypt is an entry error', async () => {
    const doc = JSON.parse(importFixtureText('authy', 'mitm-decrypted_tokens.json')) as unknown
    expect(looksLikeAuthy(doc)).toBe(true)
    const result = importAuthy(doc)
    expect(result.accounts).toEqual([sha1(1), sha1(2), sha1(3)])
    expect(result.errors).toEqual([{ index: 3, name: 'Example.com / Broken', message: expect.stringContaining('Decryption failed') }])
    await expectOathtoolAgrees(result.accounts)
  })

  it('still-encrypted tokens are refused with the step to take', () => {
    const result = fromPrefs('aegis-authy_encrypted.xml')
    expect(result.accounts).toEqual([])
    expect(result.errors[0]?.message).toContain('still encrypted')
  })

  it('fuzz: random tokens always give a typed result', () => {
    const token = fc.oneof(fc.anything(), fc.record({ decryptedSecret: fc.anything(), secretSeed: fc.anything(), name: fc.anything(), originalName: fc.anything(), digits: fc.anything(), accountType: fc.anything() }, { requiredKeys: [] }))
    fc.assert(fc.property(fc.array(token, { maxLength: 5 }), (tokens) => expectTypedResult({ ok: true, value: importAuthy(tokens) })), fuzzRuns(300))
  })
})
