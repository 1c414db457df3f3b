import { describe, expect, it } from 'vitest'
import { guessRegion } from './regions'

describe('guessRegion', () => {
  it.each([
    ['Amazon', 'seller@example.com', null],
    ['Amazon.co.uk', 'me', 'eu'],
    ['Amazon', 'sellercentral-europe.amazon.com:me@x.de', 'eu'],
    ['amazon.de', '', 'eu'],
    ['Amazon.co.jp', '', 'jp'],
    ['Amazon (amazon.de)', 'seller@example.com', 'eu'],
    ['amazon.ae', '', 'me'],
    ['Amazon', 'amazon.sa', 'me'],
    ['amazon.eg', '', 'me'],
    ['amazon.sg', '', 'fe'],
    ['Amazon', 'amazon.com.au', 'fe'],
    ['Amazon.in', '', 'in'],
    ['Amazon.com', 'me', 'na'],
    ['amazon.ca', '', 'na'],
    ['amazon.com.mx', '', 'na'],
    ['amazon.com.br', '', 'na'],
    ['amazon.community', '', null],
    ['Amazon.desk', '', null],
  ])('%j %j → %j', (issuer, label, region) => {
    expect(guessRegion(issuer, label)).toBe(region)
  })
})
