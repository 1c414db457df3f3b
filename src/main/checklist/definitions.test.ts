import { describe, expect, it } from 'vitest'
import type { AccountKind } from '../../shared/contract'
import { checklistFor, definitionsFor, findDefinition } from './definitions'
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

  it.each(KINDS)('%s: SellerGuard checks the authenticator, the clock and the backup itself', (kind) => {
    const evidence = definitionsFor(kind).flatMap((i) => (i.evidence ? [[i.id, i.evidence]] : []))
    expect(evidence).toEqual([
      ['authenticator-app', 'authenticator-in-vault'],
      ['clock-in-sync', 'clock-in-sync'],
      ['recent-backup', 'recent-backup'],
    ])
  })

  it.each(KINDS)('%s: bank and tax have their own section with the payout and tax items', (kind) => {
    const bankAndTax = definitionsFor(kind).filter((i) => i.section === 'bank-and-tax').map((i) => i.id)
    expect(bankAndTax).toEqual(expect.arrayContaining(['deposit-method', 'bank-review', 'tax-interview']))
  })

  it.each(KINDS)('%s: review intervals — bank details every 180 days, unknown devices every 90, backups 90', (kind) => {
    expect(findDefinition(kind, 'bank-review')?.reviewEveryDays).toBe(180)
    expect(findDefinition(kind, 'unknown-devices')?.reviewEveryDays).toBe(90)
    expect(findDefinition(kind, 'recent-backup')?.reviewEveryDays).toBe(90)
    for (const item of definitionsFor(kind)) {
      if (item.reviewEveryDays !== undefined) expect(Number.isInteger(item.reviewEveryDays) && item.reviewEveryDays > 0).toBe(true)
    }
  })

  it('Seller Central names its menus as Amazon does', () => {
    const where = (id: string) => findDefinition('seller-central', id)?.where
    expect(where('deposit-method')).toBe('Settings → Account Info → Deposit Methods')
    expect(where('authenticator-app')).toBe('Settings → Login Settings → Two-Step Verification (2SV) Settings → Edit')
    expect(where('own-logins')).toBe('Settings → User Permissions')
    expect(where('tax-interview')).toBe('Settings → Account Info → Tax Information')
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

  it('says Amazon never asks for a code, and points KDP and Associates at the Amazon account they sign in with', () => {
    expect(findDefinition('seller-central', 'never-share-codes')?.why).toMatch(/^Amazon will never ask you for a two-step verification code\./)
    expect(findDefinition('kdp', 'authenticator-app')?.where).toMatch(/^Your Amazon account → Login & security → Two-Step Verification/)
    expect(findDefinition('associates', 'deposit-method')?.where).toMatch(/Account Settings → Payment Information$/)
    expect(findDefinition('kdp', 'deposit-method')?.where).toBe('KDP → Your Account → Getting Paid')
  })

  it('findDefinition: null for an item another kind has, or none has', () => {
    expect(findDefinition('kdp', 'identity-documents')).toBeNull()
    expect(findDefinition('other', 'backup-codes')?.section).toBe('recovery')
    expect(findDefinition('seller-central', 'nope')).toBeNull()
  })
})

describe('checklist per region', () => {
  it('shows a region’s own path and marks the item with that region', () => {
    const tax = (region: Parameters<typeof checklistFor>[1]) => checklistFor('seller-central', region).find((i) => i.id === 'tax-interview')
    expect(tax('na')).toMatchObject({ where: 'Settings → Account Info → Tax Information → Tax Interview', region: 'na' })
    expect(tax('eu')?.where).toMatch(/VAT Information/)
    expect(tax('fe')?.where).toMatch(/switch the page language to English/)
  })

  it('falls back to the path that holds everywhere, with no region mark', () => {
    for (const region of [null, 'in'] as const) {
      const tax = checklistFor('seller-central', region).find((i) => i.id === 'tax-interview')
      expect(tax?.where).toBe('Settings → Account Info → Tax Information')
      expect(tax && 'region' in tax).toBe(false)
    }
  })

  it('leaves paths that are the same everywhere alone, and never leaks whereByRegion', () => {
    const items = checklistFor('seller-central', 'eu')
    expect(items.find((i) => i.id === 'deposit-method')).not.toHaveProperty('region')
    for (const item of items) expect(item).not.toHaveProperty('whereByRegion')
    expect(checklistFor('kdp', 'eu').every((i) => !('region' in i))).toBe(true)
  })
})
