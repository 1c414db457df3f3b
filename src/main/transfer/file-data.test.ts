import { describe, expect, it } from 'vitest'
import { fileBytes, fileContent } from './file-data'

describe('files from the renderer', () => {
  it('decodes canonical base64 and passes text through', () => {
    expect(fileContent({ encoding: 'base64', data: 'aGk=' })).toEqual({ ok: true, value: new Uint8Array([104, 105]) })
    expect(fileContent({ encoding: 'text', data: 'otpauth://x' })).toEqual({ ok: true, value: 'otpauth://x' })
    expect(fileBytes({ encoding: 'text', data: 'hi' })).toEqual({ ok: true, value: new Uint8Array([104, 105]) })
  })

  // Buffer.from(…, 'base64') would skip the stray characters and decode other bytes without a word.
  it.each([['aGk*'], ['a Gk='], ['aGk'], ['aGl='], ['aGk=\n'], ['aGk=='], ['aG==aGk='], ['=aGk'], ['a-k='], ['a_k='], ['Zm9v\u00e9'], ['===='], ['Zg'], ['Zh==']])('refuses damaged base64 %j instead of decoding other bytes', (data) => {
    expect(fileContent({ encoding: 'base64', data })).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(/did not arrive intact/) } })
  })

  it('decodes every byte string from its canonical base64, whatever its length', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = new Uint8Array(Array.from({ length }, (_, i) => (i * 151 + length * 7) % 256))
      expect(fileContent({ encoding: 'base64', data: Buffer.from(bytes).toString('base64') })).toEqual({ ok: true, value: bytes })
    }
  })
})
