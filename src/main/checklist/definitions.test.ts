import { describe, expect, it } from 'vitest'
import type { AccountKind } from '../../shared/contract'
import { ItemSource, SellerRegion } from '../../shared/contract'
import { checklistFor, computerChecklist, definitionsFor, findComputerDefinition, findDefinition } from './definitions'
import { ItemId, SECTION_ORDER } from './item'

const KINDS: readonly AccountKind[] = ['seller-central', 'kdp', 'associates', 'other']

describe('checklist definitions', () => {
  it.each(KINDS)('%s: ids are unique and valid, every section has items', (kind) => {
    const items = definitionsFor(kind)
    const ids = items.map((i) => i.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(ItemId.safeParse(id).success).toBe(true)
    for (const section of SECTION_ORDER) expect(items.some((i) => i.section === section)).toBe(true)
  })

  it.each(KINDS)('%s: items appear grouped by section, in section order', (kind) => {
    const order = definitionsFor(kind).map((i) => SECTION_ORDER.indexOf(i.section))
    expect(order).toEqual([...order].sort((a, b) => a - b))
  })

  it.each(KINDS)('%s: careful text — a title without a full stop, a why in sentences, a place to look', (kind) => {
    for (const item of definitionsFor(kind)) {
      expect(item.title).toMatch(/^[A-Z].*[^.\s]$/)
      expect(item.why).toMatch(/^[A-Z].*[.)]$/)
      expect(item.why.length).toBeGreaterThan(60)
      expect(item.where.trim().length).toBeGreaterThan(5)
      for (const text of [item.title, item.why, item.where]) {
        expect(text).not.toMatch(/ {2}|\bTODO\b|\bundefined\b/)
      }
    }
  })

  it.each(KINDS)('%s: SellerGuard checks the authenticator itself; the clock and the backup are "This computer"’s, once', (kind) => {
    const evidence = definitionsFor(kind).flatMap((i) => (i.evidence ? [[i.id, i.evidence]] : []))
    expect(evidence).toEqual([['authenticator-app', 'authenticator-in-vault']])
    expect(definitionsFor(kind).some((i) => ['clock-in-sync', 'recent-backup', 'never-share-codes'].includes(i.id))).toBe(false)
  })

  it('"This computer": the clock, the habit, the backup, the app lock and screen privacy', () => {
    expect(computerChecklist().map((i) => [i.id, i.evidence ?? null])).toEqual([
      ['clock-in-sync', 'clock-in-sync'],
      ['never-share-codes', null],
      ['recent-backup', 'recent-backup'],
      ['app-lock', 'app-lock'],
      ['screen-privacy', 'screen-privacy'],
    ])
    expect(findComputerDefinition('recent-backup')?.reviewEveryDays).toBe(90)
    expect(findComputerDefinition('deposit-method')).toBeNull()
  })

  it.each(KINDS)('%s: every item, in every region, names the page it was checked against, with the day', (kind) => {
    for (const region of [null, ...SellerRegion.options]) {
      for (const item of [...checklistFor(kind, region), ...computerChecklist()]) {
        expect(item.sources.length, item.id).toBeGreaterThan(0)
        for (const source of item.sources) {
          expect(ItemSource.safeParse(source).success, `${item.id}: ${source.title}`).toBe(true)
          if (source.publisher === 'amazon') expect(source.url ?? source.pageId, item.id).toBeTruthy()
        }
      }
    }
  })

  it.each(KINDS)('%s: bank and tax have their own section with the payout and tax items', (kind) => {
    const bankAndTax = definitionsFor(kind).filter((i) => i.section === 'bank-and-tax').map((i) => i.id)
    expect(bankAndTax).toEqual(expect.arrayContaining(['deposit-method', 'bank-review', 'tax-interview']))
  })

  it.each(KINDS)('%s: review intervals — bank details every 180 days, unknown devices every 90, backups 90', (kind) => {
    expect(findDefinition(kind, 'bank-review')?.reviewEveryDays).toBe(180)
    expect(findDefinition(kind, 'unknown-devices')?.reviewEveryDays).toBe(90)
    for (const item of definitionsFor(kind)) {
      if (item.reviewEveryDays !== undefined) expect(Number.isInteger(item.reviewEveryDays) && item.reviewEveryDays > 0).toBe(true)
    }
  })

  it('Seller Central names its menus as Amazon does, both 2SV labels, and no control that may not exist', () => {
    const where = (id: string) => findDefinition('seller-central', id)?.where
    expect(where('deposit-method')).toBe('Settings → Account Info → Deposit Methods')
    expect(where('authenticator-app')).toMatch(/^Settings → Login Settings → Two-Step Verification \(2SV\) Settings → Edit \(older help pages: Advanced Security Settings\)$/)
    expect(where('own-logins')).toBe('Settings → User Permissions')
    expect(where('tax-interview')).toBe('Settings → Account Info → Tax Information')
    expect(where('identity-documents')).toMatch(/notification in Seller Central.*Begin Re-Verification/)
    expect(where('unknown-devices')).not.toMatch(/Require OTP/i)
    expect(where('unknown-devices')).toMatch(/look for the option/)
  })

  it('says what Amazon’s own pages say: the deposit hold, the primary owner, the tax interview’s primary user, "must" for the phone', () => {
    expect(findDefinition('seller-central', 'deposit-method')?.why).toMatch(/three-day security hold.*only the primary account owner/)
    expect(checklistFor('seller-central', 'na').find((i) => i.id === 'tax-interview')?.why).toMatch(/Only the primary user/)
    for (const kind of ['seller-central', 'kdp', 'associates'] as const) {
      expect(findDefinition(kind, 'recovery-plan')?.why).toMatch(/Amazon requires a phone number/)
      expect(findDefinition(kind, 'recovery-plan')?.why).not.toMatch(/usually/)
    }
    expect(findDefinition('kdp', 'tax-interview')?.where).toMatch(/tax profile/)
    expect(findDefinition('associates', 'deposit-method')?.where).toMatch(/Payment and Tax Information → Change Payment Method$/)
  })

  it('names the US tax forms correctly for every Amazon programme', () => {
    for (const kind of ['seller-central', 'kdp', 'associates'] as const) {
      const why = findDefinition(kind, 'tax-interview')?.why ?? ''
      expect(why).toContain('W-9')
      expect(why).toContain('W-8BEN (individuals)')
      expect(why).toContain('W-8BEN-E (businesses)')
      expect(findDefinition(kind, 'tax-recheck')?.why).toMatch(/third calendar year/)
    }
  })

  it('claims about codes are Amazon’s own words, with their pages; a delivery code is not a sign-in code', () => {
    const never = findComputerDefinition('never-share-codes')
    expect(never?.why).toMatch(/^Amazon says it will never ask you to share your sign-in one-time password over the phone/)
    expect(never?.why).toMatch(/may be trying to sign in as you/)
    expect(never?.why).toMatch(/delivery code/)
    expect(never?.sources.map((s) => s.title)).toEqual(expect.arrayContaining(['Identifying a scam', 'Secure Delivery with a One-Time Password']))
    expect(findDefinition('kdp', 'authenticator-app')?.where).toMatch(/^Your Amazon account → Login & security → Two-Step Verification/)
    expect(findDefinition('kdp', 'deposit-method')?.where).toBe('KDP → Your Account → Getting Paid')
  })

  it('findDefinition: null for an item another kind has, or none has', () => {
    expect(findDefinition('kdp', 'identity-documents')).toBeNull()
    expect(findDefinition('other', 'backup-codes')?.section).toBe('recovery')
    expect(findDefinition('seller-central', 'nope')).toBeNull()
  })
})

describe('checklist per region', () => {
  const tax = (region: SellerRegion | null) => checklistFor('seller-central', region).find((i) => i.id === 'tax-interview')

  it('shows a region’s own text and marks the item with that region', () => {
    expect(tax('na')).toMatchObject({ where: 'Settings → Account Info → Tax Information', region: 'na' })
    expect(tax('na')?.where).not.toMatch(/Tax Interview/)
    expect(tax('eu')?.where).toMatch(/VAT Information/)
    expect(tax('in')).toMatchObject({ title: 'GST and PAN details are complete', region: 'in' })
    expect(checklistFor('seller-central', 'in').find((i) => i.id === 'authenticator-app')?.where).toMatch(/Advanced Security Settings/)
  })

  it('falls back to the text that holds everywhere, with no region mark', () => {
    for (const region of [null, 'jp', 'fe', 'me'] as const) {
      expect(tax(region)?.where).toBe('Settings → Account Info → Tax Information')
      expect(tax(region) && 'region' in tax(region)!).toBe(false)
    }
  })

  it('leaves text that is the same everywhere alone, and never leaks byRegion', () => {
    const items = checklistFor('seller-central', 'eu')
    expect(items.find((i) => i.id === 'deposit-method')).not.toHaveProperty('region')
    for (const item of items) expect(item).not.toHaveProperty('byRegion')
    expect(checklistFor('kdp', 'eu').every((i) => !('region' in i))).toBe(true)
  })
})
