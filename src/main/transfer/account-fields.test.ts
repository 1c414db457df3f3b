import { describe, expect, it } from 'vitest'
import { accountFromUri, buildAccount, readAlgorithm, steamSecretText } from './account-fields'

const KEY = 'JBSWY3DPEHPK3PXP'

describe('buildAccount', () => {
  it('fills the Key URI Format defaults and trims names', () => {
    expect(buildAccount({ type: 'totp', issuer: ' A ', label: ' b ', secret: 'jbsw y3dp ehpk 3pxp' })).toEqual({
      ok: true,
      value: { type: 'totp', issuer: 'A', label: 'b', secret: KEY, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
    })
  })

  it('fixes Steam parameters whatever the file says', () => {
    const steam = buildAccount({ type: 'steam', secret: KEY, algorithm: 'SHA512', digits: 8, period: 60 })
    expect(steam).toMatchObject({ ok: true, value: { algorithm: 'SHA1', digits: 5, period: 30, counter: 0 } })
  })

  it('HOTP keeps its counter and gets period 30', () => {
    expect(buildAccount({ type: 'hotp', secret: KEY, counter: 9, period: 45 })).toMatchObject({ ok: true, value: { counter: 9, period: 30 } })
  })

  it.each([
    ['digits 5 for TOTP', { digits: 5 }],
    ['digits 9', { digits: 9 }],
    ['fractional digits', { digits: 6.5 }],
    ['period 0', { period: 0 }],
    ['period over an hour', { period: 3601 }],
    ['issuer too long', { issuer: 'x'.repeat(201) }],
    ['label too long', { label: 'x'.repeat(201) }],
  ])('refuses %s', (_, change) => {
    expect(buildAccount({ type: 'totp', secret: KEY, ...change }).ok).toBe(false)
  })

  it('refuses a negative or unsafe counter', () => {
    expect(buildAccount({ type: 'hotp', secret: KEY, counter: -1 }).ok).toBe(false)
    expect(buildAccount({ type: 'hotp', secret: KEY, counter: 2 ** 53 }).ok).toBe(false)
  })

  it('never quotes any part of a refused key in its message', () => {
    for (const secret of ['JBSWY3DPEHPK3PX1', 'JBSWY3DP=EHPK3PXP', 'JBSWY3D', 'JBSWY3DPEHPK3PXPQ']) {
      const built = buildAccount({ type: 'totp', secret })
      const fromUri = accountFromUri(`otpauth://totp/a?secret=${secret}`)
      for (const result of [built, fromUri]) {
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.error).not.toMatch(/JBSW|"1"|PXP/)
      }
    }
  })
})

describe('helpers', () => {
  it.each([
    ['SHA1', 'SHA1'],
    ['sha-256', 'SHA256'],
    ['HmacSHA512', 'SHA512'],
    ['MD5', null],
    ['SHA224', null],
  ])('algorithm %s → %s', (text, expected) => {
    expect(readAlgorithm(text)).toBe(expected)
  })

  it('Steam secrets: base32 kept, base64 (as Steam issues it) re-encoded', () => {
    expect(steamSecretText(` ${KEY} `)).toBe(KEY)
    // 20 bytes of base64 ("shared_secret" as Steam gives it) → 32 base32 characters.
    const base64 = Buffer.alloc(20, 0xab).toString('base64')
    expect(steamSecretText(base64)).toBe('VOV2XK5LVOV2XK5LVOV2XK5LVOV2XK5L')
    expect(steamSecretText(base64.replace(/=+$/, ''))).toBe('VOV2XK5LVOV2XK5LVOV2XK5LVOV2XK5L')
  })
})
