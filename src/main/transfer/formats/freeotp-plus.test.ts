import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importFixtureText } from '../../../../test/helpers/import-fixtures'
import { expectOathtoolAgrees } from '../../../../test/helpers/oathtool'
import { expectTypedResult, fuzzRuns, stratum, vector } from '../../../../test/helpers/transfer-support'
import type { JsonObject } from '../json-read'
import { importFreeOtpPlus, looksLikeFreeOtpPlus } from './freeotp-plus'

const doc = (name: string) => JSON.parse(importFixtureText('freeotp-plus', name)) as JsonObject

describe('FreeOTP+ JSON export', () => {
  it("Aegis's test file: six vectors in tokenOrder's order, counters + 1 as FreeOTP+'s own URIs give them", async () => {
    const file = doc('aegis-freeotp_plus.json')
    expect(looksLikeFreeOtpPlus(file)).toBe(true)
    const result = importFreeOtpPlus(file)
    expect(result).toEqual({ format: 'freeotp-plus', accounts: [6, 5, 4, 3, 2, 1].map(vector), errors: [], warnings: [] })
    await expectOathtoolAgrees(result.accounts)
  })

  it("Authenticator Pro's test file (no issuerInt; an issuer-less token)", async () => {
    const result = importFreeOtpPlus(doc('stratum-freeotpplus.json'))
    expect(result.errors).toEqual([])
    expect(result.accounts).toEqual([
      stratum('Long', 'Period'),
      stratum('Many', 'Digits', { digits: 8 }),
      stratum('Sha', '256'),
      stratum('Sha', '512'),
      stratum('Standard', 'Hotp'),
      stratum('Standard', 'Totp'),
      stratum('NoIssuer', '', { label: 'NoIssuer' }),
    ])
    await expectOathtoolAgrees(result.accounts)
  })

  it('issuer "Steam" gives a Steam account; bad secrets, types and field types are entry errors', () => {
    const token = { algo: 'SHA1', counter: 0, digits: 5, issuerExt: 'Steam', label: 'Sophia', period: 30, secret: [76, 114, 37, -13, -30, 101, -22, -24, 49, -81, -52, 116, 95, -89, -111, 50], type: 'TOTP' }
    const result = importFreeOtpPlus({ tokens: [token, { ...token, secret: [1, 2, 'x'] }, { ...token, type: 'MOTP' }, { ...token, digits: '6' }] })
    expect(result.accounts).toEqual([vector(7)].map((v) => ({ ...v, issuer: 'Steam' })))
    expect(result.errors.map((e) => e.message)).toEqual([
      'The field "secret" must be a list of bytes (whole numbers from -128 to 127).',
      expect.stringContaining('"MOTP" tokens are not supported'),
      'The field "digits" holds the text "6", but must be a number.',
    ])
  })

  it('fuzz: random tokens always give a typed result', () => {
    const token = fc.oneof(fc.anything(), fc.record({ secret: fc.oneof(fc.anything(), fc.array(fc.integer({ min: -200, max: 300 }))), issuerExt: fc.anything(), label: fc.anything(), type: fc.constantFrom('TOTP', 'HOTP', 1), digits: fc.anything(), counter: fc.anything() }))
    fc.assert(fc.property(fc.array(token, { maxLength: 5 }), fc.anything(), (tokens, tokenOrder) => expectTypedResult({ ok: true, value: importFreeOtpPlus({ tokens, tokenOrder }) })), fuzzRuns(300))
  })
})
