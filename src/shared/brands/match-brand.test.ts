import { describe, expect, it } from 'vitest'
import type { AccountKind } from '../contract/accounts'
import { BRANDS } from './brand-table'
import { domainChain, hostsIn, publicSuffix, withoutPublicSuffix } from './hosts'
import { brandOfName, matchBrand, squash } from './match-brand'

const brandOf = (issuer: string, label = '', kind: AccountKind = 'other') => matchBrand({ issuer, label, kind })?.brand.id ?? null

describe('brand matching: every brand the issue lists, by the names people type', () => {
  it.each<[string, string]>([
    ['Amazon', 'amazon'],
    ['Amazon Seller Central', 'amazon'],
    ['Seller Central', 'amazon'],
    ['KDP', 'amazon'],
    ['Kindle Direct Publishing', 'amazon'],
    ['Amazon Associates', 'amazon'],
    ['Amazon Web Services', 'aws'],
    ['AWS', 'aws'],
    ['eBay', 'ebay'],
    ['Etsy', 'etsy'],
    ['Shopify', 'shopify'],
    ['Walmart', 'walmart'],
    ['Walmart Seller Center', 'walmart'],
    ['PayPal', 'paypal'],
    ['Stripe', 'stripe'],
    ['Google', 'google'],
    ['Microsoft', 'microsoft'],
    ['Apple', 'apple'],
    ['Meta', 'meta'],
    ['Meta Business Suite', 'meta'],
    ['Facebook', 'facebook'],
    ['Instagram', 'instagram'],
    ['TikTok', 'tiktok'],
    ['TikTok Shop', 'tiktok'],
    ['X', 'x'],
    ['Twitter', 'x'],
    ['X (Twitter)', 'x'],
    ['GitHub', 'github'],
    ['Cloudflare', 'cloudflare'],
    ['Dropbox', 'dropbox'],
    ['Wise', 'wise'],
    ['TransferWise', 'wise'],
    ['Payoneer', 'payoneer'],
    ['Intuit', 'intuit'],
    ['QuickBooks', 'quickbooks'],
    ['Intuit QuickBooks', 'quickbooks'],
    ['Xero', 'xero'],
    ['Alibaba', 'alibaba'],
    ['Alibaba.com', 'alibaba'],
    ['Mercado Libre', 'mercadolibre'],
    ['Mercado Livre', 'mercadolibre'],
    ['Rakuten', 'rakuten'],
    ['Zalando', 'zalando'],
    ['Steam', 'steam'],
  ])('%j → %s', (issuer, id) => {
    expect(brandOf(issuer)).toBe(id)
  })

  it('ignores case, accents, spaces and punctuation', () => {
    for (const issuer of ['PAYPAL', 'paypal', 'Pay Pal', 'Pay-Pal', 'pay.pal', ' PayPal ', 'PáyPal']) expect(brandOf(issuer)).toBe('paypal')
    for (const issuer of ['mercadolibre', 'MercadoLibre', 'MERCADO-LIBRE', 'Mercado_Libre']) expect(brandOf(issuer)).toBe('mercadolibre')
    for (const issuer of ['github', 'Git Hub', 'GITHUB']) expect(brandOf(issuer)).toBe('github')
    expect(squash('  Mercado–Libre!  ')).toBe('mercadolibre')
  })

  it('matches the first words of a longer issuer, the longest known name winning', () => {
    expect(brandOf('Amazon Seller Central Europe')).toBe('amazon')
    expect(brandOf('Amazon Web Services (root)')).toBe('aws')
    expect(brandOf('Google Workspace Admin')).toBe('google')
    expect(brandOf('GitHub Enterprise')).toBe('github')
    expect(brandOf('QuickBooks Online Accountant')).toBe('quickbooks')
  })

  it('does not let a short or generic name claim a longer issuer', () => {
    expect(brandOf('X-ray Labs')).toBeNull()
    expect(brandOf('Square Enix')).toBeNull()
    expect(brandOf('Wise Owl Books')).toBeNull()
    expect(brandOf('Target Practice')).toBeNull()
    // A name inside the issuer, not at its start, is not taken either.
    expect(brandOf('Big Apple Tours')).toBeNull()
    expect(brandOf('Metallica fan shop')).toBeNull()
    expect(brandOf('Steamboat Willie')).toBeNull()
  })

  it('finds the brand in a host name, with or without a scheme or path', () => {
    expect(brandOf('sellercentral.amazon.de')).toBe('amazon')
    expect(brandOf('sellercentral-europe.amazon.com')).toBe('amazon')
    expect(brandOf('https://kdp.amazon.com/en_US/')).toBe('amazon')
    expect(brandOf('amazon.co.uk')).toBe('amazon')
    expect(brandOf('amazon.com.mx')).toBe('amazon')
    expect(brandOf('signin.aws.amazon.com')).toBe('aws')
    expect(brandOf('console.aws.amazon.com')).toBe('aws')
    expect(brandOf('accounts.google.com')).toBe('google')
    expect(brandOf('login.microsoftonline.com')).toBe('microsoft')
    expect(brandOf('mercadolivre.com.br')).toBe('mercadolibre')
    expect(brandOf('rakuten.co.jp')).toBe('rakuten')
    expect(brandOf('seller.walmart.com')).toBe('walmart')
    expect(brandOf('store.steampowered.com')).toBe('steam')
    expect(brandOf('quickbooks.intuit.com')).toBe('quickbooks')
    expect(brandOf('business.facebook.com')).toBe('meta')
    // Amazon's own GitHub pages are GitHub.
    expect(brandOf('amazon.github.io')).toBe('github')
  })

  it('uses the label when the issuer names no brand, never an e-mail address', () => {
    expect(brandOf('', 'Amazon - eu@shop.com')).toBe('amazon')
    expect(brandOf('', 'sellercentral.amazon.fr')).toBe('amazon')
    expect(brandOf('My bank', 'github.com/shop-admin')).toBe('github')
    expect(brandOf('GitHub', 'me@gmail.com')).toBe('github')
    expect(brandOf('', 'me@gmail.com')).toBeNull()
    expect(brandOf('', 'google@shop.example')).toBeNull()
    expect(brandOf('Sparkasse', 'seller@amazon.de')).toBeNull()
  })

  it('takes the account kind first: an Amazon kind is Amazon whatever the issuer says', () => {
    expect(matchBrand({ issuer: '', label: 'eu@shop.com', kind: 'seller-central' })).toMatchObject({ brand: { id: 'amazon' }, from: 'kind' })
    expect(brandOf('My EU store', '', 'seller-central')).toBe('amazon')
    expect(brandOf('', '', 'kdp')).toBe('amazon')
    expect(brandOf('Partner program', '', 'associates')).toBe('amazon')
    expect(matchBrand({ issuer: 'eBay', label: '', kind: 'other' })).toMatchObject({ brand: { id: 'ebay' }, from: 'issuer' })
  })

  it('gives no brand for unknown, empty or odd names', () => {
    for (const issuer of ['', '   ', 'Acme Bank', '🦊 Fox Shop', '\u202Eevil', 'a.b', '1.2.3.4']) expect(brandOf(issuer)).toBeNull()
    expect(brandOfName('')).toBeNull()
  })
})

describe('brand table', () => {
  it('has unique ids, and every name and domain leads to its own brand', () => {
    expect(new Set(BRANDS.map((b) => b.id)).size).toBe(BRANDS.length)
    for (const brand of BRANDS) {
      for (const name of brand.names) expect(brandOf(name.replace(/^=/, '')), name).toBe(brand.id)
      for (const domain of brand.domains) expect(brandOf(`${domain}.com`), domain).toBe(brand.id)
      expect(brand.colour).toMatch(/^#[0-9A-F]{6}$/)
      expect(brand.monogram.length).toBeGreaterThan(0)
      expect(brand.monogram.length).toBeLessThanOrEqual(3)
    }
  })
})

describe('hosts', () => {
  it('finds host names in text, skipping e-mail domains', () => {
    expect(hostsIn('Amazon (sellercentral.amazon.de) and https://kdp.amazon.com/x')).toEqual(['sellercentral.amazon.de', 'kdp.amazon.com'])
    expect(hostsIn('me@gmail.com')).toEqual([])
    expect(hostsIn('version 1.2, e.g. this')).toEqual([])
    expect(hostsIn('AMAZON.DE')).toEqual(['amazon.de'])
  })

  it.each([
    ['sellercentral.amazon.co.uk', 'sellercentral.amazon', 'co.uk'],
    ['amazon.de', 'amazon', 'de'],
    ['amazon.com.mx', 'amazon', 'com.mx'],
    ['amazon.co.jp', 'amazon', 'co.jp'],
    ['x.co', 'x', 'co'],
    ['aws.amazon.com', 'aws.amazon', 'com'],
  ])('%s → %s + %s', (host, rest, suffix) => {
    expect(withoutPublicSuffix(host)).toBe(rest)
    expect(publicSuffix(host)).toBe(suffix)
  })

  it('lists a name and its parents, most specific first', () => {
    expect(domainChain('signin.aws.amazon')).toEqual(['signin.aws.amazon', 'aws.amazon', 'amazon'])
  })
})
