import { describe, expect, it } from 'vitest'
import { importFixtureText } from '../../../../test/helpers/import-fixtures'
import { expectOathtoolAgrees } from '../../../../test/helpers/oathtool'
import { readAndroidPrefs } from '../android-prefs'
import { importBattleNet, looksLikeBattleNet } from './battle-net'

describe('Battle.net Authenticator preferences', () => {
  it("Aegis's test file: the unmasked key as an 8-digit TOTP named by the serial", async () => {
    const prefs = readAndroidPrefs(importFixtureText('battle-net', 'aegis-battle_net_authenticator.xml'))
    if (!prefs.ok) throw new Error(prefs.error)
    expect(looksLikeBattleNet(prefs.value)).toBe(true)
    const result = importBattleNet(prefs.value)
    if (!result.ok) throw new Error(result.error.message)
    // Aegis's eighth vector (app/src/test/java/…/vectors/VaultEntries.java), made from this file.
    expect(result.value.accounts).toEqual([{ type: 'totp', issuer: 'Battle.net', label: 'US-2211-2050-3346', secret: 'BMGRXPGFARQQF4GMT25JATL2VYLAHDBI', digits: 8, period: 30, algorithm: 'SHA1', counter: 0 }])
    await expectOathtoolAgrees(result.value.accounts)
  })

  it('a secret that is not masked hex is an entry error', () => {
    const result = importBattleNet(new Map([['com.blizzard.messenger.AUTHENTICATOR_DEVICE_SECRET', 'zz']]))
    expect(result).toMatchObject({ ok: true, value: { accounts: [], errors: [{ message: expect.stringContaining('AUTHENTICATOR_DEVICE_SECRET') }] } })
  })
})
