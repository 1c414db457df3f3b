import { describe, expect, it } from 'vitest'
import { copiedMessage } from './copy-message'

describe('copiedMessage: the toast says which code was copied', () => {
  it.each([
    [{ which: 'current', clearAt: null }, 'current', 'Copied code.'],
    [{ which: 'next', clearAt: null }, 'current', 'Copied the next code: the current one was about to expire.'],
    [{ which: 'next', clearAt: null }, 'next', 'Copied the next code.'],
    [{ which: 'expected', clearAt: null }, 'expected', 'Copied the code the site expects now.'],
    [{ which: 'current', clearAt: 30_400 }, 'current', 'Copied code. The clipboard will be cleared in 30 s.'],
  ] as const)('%j asked %s → %j', (result, asked, text) => {
    expect(copiedMessage(result, asked, 0)).toBe(text)
  })
})
