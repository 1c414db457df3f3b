import { describe, expect, it } from 'vitest'
import { checkAccountText, parseAccountText } from './key-input'

const KEY = 'JRZCL47CMXVOQMNPZR2F7J4RGI'

describe('parseAccountText: what was pasted into Add', () => {
  it('reads steam://SECRET as a Steam account named Steam (Bitwarden, Proton Authenticator)', () => {
    const parsed = parseAccountText(`  steam://${KEY}\n`)
    expect(parsed).toMatchObject({ ok: true, value: { source: 'uri', account: { type: 'steam', issuer: 'Steam', label: '', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 } } })
    if (parsed.ok) expect(parsed.value.key.base32).toBe(KEY)
    expect(parseAccountText(`STEAM://${KEY.toLowerCase()}`)).toMatchObject({ ok: true, value: { account: { type: 'steam' } } })
  })

  it('points into the text when the key after steam:// is wrong', () => {
    expect(parseAccountText('steam://JRZC0')).toEqual({ ok: false, error: { message: expect.stringMatching(/^After "steam:\/\/": /), position: 12 } })
    expect(parseAccountText('steam://')).toMatchObject({ ok: false, error: { position: 8 } })
  })

  it.each([
    ['https://sellercentral.amazon.com/ap/mfa?x=1', 'This is a web link (sellercentral.amazon.com), not an authenticator key.'],
    ['  http://example.com', 'This is a web link (example.com), not an authenticator key.'],
    ['ftp://files.example.com/key.txt', 'This is a link (ftp://…), not an authenticator key.'],
  ])('says a link is not a key: %s', (text, start) => {
    const parsed = parseAccountText(text)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.error.message.startsWith(start)).toBe(true)
    expect(parsed.error.message).toContain("Can't scan the barcode?")
    expect(parsed.error.position).toBe(text.search(/\S/))
  })

  it('still reads bare keys and otpauth links as before', () => {
    expect(parseAccountText(KEY)).toMatchObject({ ok: true, value: { source: 'key', account: { type: 'totp' } } })
    expect(parseAccountText(`otpauth://totp/KDP:me?secret=${KEY}&issuer=KDP`)).toMatchObject({ ok: true, value: { source: 'uri', account: { issuer: 'KDP' } } })
  })

  it('the as-you-type check shows the Steam preview, never the key', () => {
    const check = checkAccountText(`steam://${KEY}`)
    expect(check).toEqual({ valid: true, source: 'uri', preview: { issuer: 'Steam', label: '', type: 'steam', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 }, sameKeyAs: [] })
    expect(JSON.stringify(check)).not.toContain(KEY)
  })

  it('names the accounts that already hold the key, however it was written', () => {
    const kdp = { id: 'acc_kdp12345', issuer: 'KDP', label: 'author@example.com' }
    const seen: string[] = []
    const lookup = (key: Uint8Array) => {
      seen.push(Buffer.from(key).toString('hex'))
      return seen.length > 0 ? [kdp] : []
    }
    for (const text of [KEY, KEY.toLowerCase().replace(/(.{4})/g, '$1 '), `otpauth://totp/Other:x?secret=${KEY}`]) {
      expect(checkAccountText(text, lookup)).toMatchObject({ valid: true, sameKeyAs: [kdp] })
    }
    // The same bytes were looked up each time; the key itself never appears in the check.
    expect(new Set(seen).size).toBe(1)
    expect(JSON.stringify(checkAccountText(KEY, lookup))).not.toContain(KEY)
  })
})
