import { describe, expect, it } from 'vitest'
import { nameDetail, sameText, shortName, type NamedAccount } from './account-name'

const a = (over: Partial<NamedAccount>): NamedAccount => ({ issuer: 'Amazon', label: 'seller@shop.com', kind: 'other', region: null, ...over })

describe('shortName: one name for rows, tray and quick pick', () => {
  it.each<[Partial<NamedAccount>, string]>([
    [{ kind: 'seller-central', region: 'eu' }, 'Seller Central EU'],
    [{ kind: 'seller-central', region: 'na' }, 'Seller Central NA'],
    [{ kind: 'seller-central', region: 'fe' }, 'Seller Central AU/SG'],
    [{ kind: 'seller-central', region: 'jp' }, 'Seller Central Japan'],
    [{ kind: 'seller-central', region: 'me' }, 'Seller Central Middle East'],
    [{ kind: 'seller-central', region: 'in' }, 'Seller Central India'],
    [{ kind: 'seller-central', region: null }, 'Seller Central'],
    [{ kind: 'seller-central' }, 'Seller Central'],
    [{ kind: 'kdp', region: 'eu' }, 'KDP'],
    [{ kind: 'associates', region: 'eu' }, 'Associates EU'],
    [{ kind: 'associates' }, 'Associates'],
    [{ kind: 'other', issuer: 'eBay' }, 'eBay'],
    [{ kind: 'other', issuer: '', label: 'me@bank.example' }, 'me@bank.example'],
    [{ kind: 'other', issuer: ' ', label: '' }, 'Unnamed account'],
    [{ kind: 'other', issuer: 'Bank\n\u202EX' }, 'Bank X'],
  ])('%j → %j', (over, expected) => {
    expect(shortName(a(over))).toBe(expected)
  })

  it('tells Seller Central EU from Seller Central NA', () => {
    expect(shortName(a({ kind: 'seller-central', region: 'eu' }))).not.toBe(shortName(a({ kind: 'seller-central', region: 'na' })))
  })
})

describe('nameDetail: the line under the short name', () => {
  it.each<[Partial<NamedAccount>, string]>([
    [{ kind: 'seller-central', region: 'eu', issuer: 'Amazon' }, 'seller@shop.com'],
    [{ kind: 'seller-central', issuer: 'amazon.de' }, 'seller@shop.com'],
    [{ kind: 'seller-central', issuer: 'Amazon Seller Central' }, 'seller@shop.com'],
    [{ kind: 'seller-central', issuer: 'My second store' }, 'My second store · seller@shop.com'],
    [{ kind: 'kdp', issuer: 'Amazon – pen name B' }, 'Amazon – pen name B · seller@shop.com'],
    [{ kind: 'other', issuer: 'eBay' }, 'seller@shop.com'],
    [{ kind: 'other', issuer: 'eBay', label: 'ebay' }, ''],
    [{ kind: 'other', issuer: '', label: 'me@bank.example' }, ''],
  ])('%j → %j', (over, expected) => {
    expect(nameDetail(a(over))).toBe(expected)
  })
})

describe('sameText: the same letters, ignoring case and accents', () => {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' })
  const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i))

  it('answers as the collator does for every pair of printable ASCII characters (its shortcut)', () => {
    for (const x of ascii) for (const y of ascii) expect(sameText(x, y), `${x} ${y}`).toBe(collator.compare(x, y) === 0)
  })

  it.each<[string, string, boolean]>([
    ['Seller Central', 'seller central', true],
    ['Seller Central', 'Seller  Central', false],
    ['amazon.de', 'Amazon.DE', true],
    ['Café', 'cafe', true],
    ['Zoë', 'ZOE', true],
    ['Straße', 'strasse', true],
    ['Müller', 'Muller', true],
    ['Müller', 'Miller', false],
    ['', '', true],
  ])('%j and %j: %s', (x, y, same) => {
    expect(sameText(x, y)).toBe(same)
    expect(sameText(x, y)).toBe(collator.compare(x, y) === 0)
  })
})
