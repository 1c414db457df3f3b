import { describe, expect, it } from 'vitest'
import { isolate, withoutDirectionControls } from './bidi'

describe('bidi', () => {
  it('drops overrides, embeddings and isolates, keeping right-to-left letters', () => {
    expect(withoutDirectionControls('\u202Emoc.nozama\u202C')).toBe('moc.nozama')
    expect(withoutDirectionControls('\u2067x\u2069')).toBe('x')
    expect(withoutDirectionControls('متجر')).toBe('متجر')
  })

  it('wraps text in FSI … PDI, with no control of its own left inside', () => {
    expect(isolate('Shop \u202E1')).toBe('\u2068Shop 1\u2069')
    expect(isolate('\u2069')).toBe('')
  })
})
