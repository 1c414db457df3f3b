import { describe, expect, it } from 'vitest'
import { guessKind, guessRegion } from './amazon-guess'

describe('guessKind: pre-selects the kind in the add and import forms', () => {
  it.each([
    ['Amazon', '', 'seller-central'],
    ['Amazon Seller Central', '', 'seller-central'],
    ['sellercentral.amazon.de', '', 'seller-central'],
    ['Amazon KDP', '', 'kdp'],
    ['Kindle Direct Publishing', '', 'kdp'],
    ['Amazon Associates', '', 'associates'],
    ['Amazon', 'affiliate-program.amazon.com', 'associates'],
    ['Amazon Web Services', 'root', 'aws'],
    ['AWS', '', 'aws'],
    ['signin.aws.amazon.com', '', 'aws'],
    ['eBay', '', 'other'],
    ['', 'me@amazon.de', 'other'],
  ] as const)('%j %j → %s', (issuer, label, kind) => {
    expect(guessKind(issuer, label)).toBe(kind)
  })
})

describe('guessRegion', () => {
  it('reads the store domain', () => {
    expect(guessRegion('Amazon', 'sellercentral.amazon.de')).toBe('eu')
    expect(guessRegion('Amazon', '')).toBeNull()
  })
})
