import { describe, expect, it } from 'vitest'
import { SLICE_ITEMS } from '../core/slices'
import { duplicateKey, findDuplicates, findDuplicatesInSlices } from './duplicates'

const KEY = 'JBSWY3DPEHPK3PXP'

describe('duplicates', () => {
  it.each([
    ['same everything', { issuer: 'Amazon', label: 'me@x.com', secret: KEY }, true],
    ['names differ only in case and spaces', { issuer: ' AMAZON ', label: 'Me@X.com', secret: KEY }, true],
    ['key in other case, with spaces and padding', { issuer: 'Amazon', label: 'me@x.com', secret: 'jbsw y3dp ehpk 3pxp====' }, true],
    ['other key', { issuer: 'Amazon', label: 'me@x.com', secret: 'JBSWY3DPEHPK3PXQ' }, false],
    ['other issuer', { issuer: 'Amazon EU', label: 'me@x.com', secret: KEY }, false],
    ['other label', { issuer: 'Amazon', label: 'you@x.com', secret: KEY }, false],
  ])('%s', (_, incoming, duplicate) => {
    const report = findDuplicates([incoming], [{ id: 'a1', issuer: 'Amazon', label: 'me@x.com', secret: KEY }])
    expect(report.existing).toEqual(duplicate ? [{ index: 0, existingId: 'a1' }] : [])
    expect(report.fresh).toEqual(duplicate ? [] : [0])
  })

  it('compares key bytes, so unused trailing bits do not matter', () => {
    // 26 characters = 130 bits for 16 bytes: the last character's two low bits are unused.
    expect(duplicateKey({ issuer: '', label: '', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ' })).toBe(duplicateKey({ issuer: '', label: '', secret: '4SJHB4GSD43FZBAI7C2HLRJGPR' }))
  })

  it('Unicode names compare after NFC normalisation', () => {
    const composed = { issuer: 'Caf\u00e9', label: '', secret: KEY }
    const decomposed = { issuer: 'Cafe\u0301', label: '', secret: KEY }
    expect(duplicateKey(composed)).toBe(duplicateKey(decomposed))
  })

  it('finds repeats within the incoming list, and separates existing, repeated and fresh', () => {
    const a = { issuer: 'A', label: 'x', secret: KEY }
    const b = { issuer: 'B', label: 'x', secret: KEY }
    const report = findDuplicates([a, b, { ...a, label: 'X' }, b], [{ id: 'old-b', ...b }])
    expect(report).toEqual({ existing: [{ index: 1, existingId: 'old-b' }, { index: 3, existingId: 'old-b' }], repeated: [{ index: 2, firstIndex: 0 }], fresh: [0] })
  })

  it('in slices, for many accounts, the same report', async () => {
    const keys = ['JBSWY3DPEHPK3PXP', 'jbsw y3dp ehpk 3pxp', 'JBSWY3DPEHPK3PXQ', 'GEZDGNBVGY3TQOJQ']
    const incoming = Array.from({ length: SLICE_ITEMS * 5 + 2 }, (_, i) => ({ issuer: `Shop ${i % 13}`, label: i % 2 ? 'ME@x.com' : 'me@x.com', secret: keys[i % keys.length]! }))
    const existing = Array.from({ length: SLICE_ITEMS * 2 + 1 }, (_, i) => ({ id: `a${i}`, issuer: `shop ${i % 11}`, label: 'me@x.com', secret: keys[(i + 1) % keys.length]! }))
    const report = await findDuplicatesInSlices(incoming, existing)
    expect(report).toEqual(findDuplicates(incoming, existing))
    expect(report.existing.length).toBeGreaterThan(0)
    expect(report.repeated.length).toBeGreaterThan(0)
  })
})
