import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importOtpauthList, looksLikeOtpauthList } from './otpauth-list'
import { anyText, expectTypedResult, fuzzRuns, interopMissing, needs, mutate, mutations, readInterop, VECTORS, vector } from '../../../test/helpers/transfer-support'

function imported(text: string) {
  const result = importOtpauthList(text)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

needs(interopMissing).describe('otpauth list: Aegis plain.txt', () => {
  it('reads all seven vectors exactly, in order', () => {
    const result = imported(readInterop('aegis/plain.txt').toString('utf8'))
    expect(result.format).toBe('otpauth-list')
    expect(result.errors).toEqual([])
    expect(result.accounts).toEqual(VECTORS)
  })

  it('fuzz: mutated plain.txt (flip/insert/delete bytes) always gives a typed result', () => {
    const original = readInterop('aegis/plain.txt')
    fc.assert(
      fc.property(mutations, (edits) => {
        expectTypedResult(importOtpauthList(Buffer.from(mutate(original, edits)).toString('utf8')))
      }),
      fuzzRuns(300),
    )
  })
})

describe('otpauth list', () => {
  it('skips blank lines and # comments, and reports bad lines with their line numbers', () => {
    const text = [
      '# exported from somewhere',
      '',
      'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno',
      'not a link',
      '   ',
      'otpauth://totp/Broken?secret=123',
      'otpauth://hotp/Issuu:James?secret=YOOMIXWS5GN6RTBPUFFWKTW5M4&issuer=Issuu&counter=1',
    ].join('\r\n')
    const result = imported(text)
    expect(result.accounts).toEqual([vector(1), vector(4)])
    expect(result.errors).toEqual([
      { index: 1, line: 4, message: expect.stringMatching(/^Line 4: .*otpauth:\/\//) },
      { index: 2, line: 6, message: expect.stringMatching(/^Line 6: .*secret key/) },
    ])
  })

  it('reads Ente Auth plain exports: extra codeDisplay parameter, lower-case algorithm', () => {
    // The shape of Ente Auth's plain export (as in Aegis's EnteAuthImporter test data), with vector #6.
    const line =
      'otpauth://hotp/WWE:Mason?algorithm=sha512&digits=8&issuer=WWE&period=30&secret=5VAML3X35THCEBVRLV24CGBKOY&counter=10300&codeDisplay=%7B%22pinned%22%3Afalse%2C%22tags%22%3A%5B%5D%7D'
    expect(imported(`${line}\n`).accounts).toEqual([vector(6)])
  })

  it('recognises a list by its first entry line', () => {
    expect(looksLikeOtpauthList('# comment\n\nOTPAUTH://totp/x?secret=AAAA')).toBe(true)
    expect(looksLikeOtpauthList('otpauth-migration://offline?data=AA')).toBe(false)
    expect(looksLikeOtpauthList('{"a":1}')).toBe(false)
  })

  it('fuzz: random text always gives a typed result', () => {
    fc.assert(
      fc.property(anyText(200), fc.constantFrom('', 'otpauth://totp/', 'otpauth://hotp/a?secret=', '#\n'), (text, prefix) => {
        expectTypedResult(importOtpauthList(prefix + text))
      }),
      fuzzRuns(200),
    )
  })
})
