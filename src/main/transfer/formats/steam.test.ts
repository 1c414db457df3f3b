import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importFixtureText } from '../../../../test/helpers/import-fixtures'
import { steamCodes, VECTOR_7_STEAM_CODES } from '../../../../test/helpers/oathtool'
import { expectTypedResult, fuzzRuns, vector } from '../../../../test/helpers/transfer-support'
import type { JsonObject } from '../json-read'
import { importSteam, looksLikeSteam } from './steam'

const doc = (name: string) => JSON.parse(importFixtureText('steam', name)) as JsonObject
const SOPHIA = { ...vector(7), issuer: 'Steam' }

describe('Steam Desktop Authenticator .maFile', () => {
  it.each(['sda-Sophia.maFile', 'aegis-steam_old.json', 'aegis-steam.json'])('%s: a Steam account from the base64 shared_secret', (name) => {
    const file = doc(name)
    expect(looksLikeSteam(file)).toBe(true)
    const result = importSteam(file)
    expect(result).toEqual({ format: 'steam', accounts: [SOPHIA], errors: [], warnings: [] })
    expect(steamCodes(result.accounts[0]!)).toEqual(VECTOR_7_STEAM_CODES)
  })

  it('a missing, non-base64 or wrongly typed secret is an entry error', () => {
    const base = doc('sda-Sophia.maFile')
    const errors = [{ ...base, shared_secret: '' }, { ...base, shared_secret: 'not*base64' }, { ...base, account_name: 7 }].map((file) => importSteam(file).errors[0]?.message)
    expect(errors).toEqual(['Field "shared_secret": the account has no shared secret.', 'Field "shared_secret": it is not base64, as Steam writes it.', 'The field "account_name" holds the number 7, but must be text.'])
  })

  it('fuzz: random fields always give a typed result', () => {
    fc.assert(fc.property(fc.record({ shared_secret: fc.anything(), account_name: fc.anything() }), (file) => expectTypedResult({ ok: true, value: importSteam(file) })), fuzzRuns(200))
  })
})
