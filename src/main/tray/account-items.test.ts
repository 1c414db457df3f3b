import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TrayMenu, TrayMenuItem } from '../../shared/contract'
import { testAccount } from '../../../test/helpers/accounts'
import { trayClock } from '../../../test/helpers/clock-status'
import { FLAT_LIMIT, buildTrayMenu, findMenuItem, walkMenu, type TrayMenuInput } from './menu-model'

const base: TrayMenuInput = { accounts: [], codesAvailable: true, clock: trayClock({ state: 'ok', offsetMs: 0, checking: false }), keychainState: 'ready', platform: 'linux' }
const menuOf = (over: Partial<TrayMenuInput>) => buildTrayMenu({ ...base, ...over })
const labels = (items: readonly TrayMenuItem[]) => items.map((i) => (i.kind === 'separator' ? '---' : i.label))
const copyIds = (menu: TrayMenu) => [...walkMenu(menu.items)].flatMap((i) => (i.kind === 'copy' ? [i.accountId] : []))
const topCopies = (menu: TrayMenu) => menu.items.flatMap((i) => (i.kind === 'copy' ? [i.accountId] : []))

describe('tray: Amazon-aware short names (the same as the codes list and quick pick)', () => {
  it('tells Seller Central EU from Seller Central NA, and names KDP, Associates, the buyer account and AWS', () => {
    const accounts = [
      testAccount(1, { kind: 'seller-central', region: 'eu', label: 'shop@example.com' }),
      testAccount(2, { kind: 'seller-central', region: 'na', label: 'shop@example.com' }),
      testAccount(3, { kind: 'kdp', label: 'author@example.com' }),
      testAccount(4, { kind: 'associates', region: 'eu', label: '' }),
      testAccount(5, { kind: 'amazon-buyer', region: 'na', label: 'me@example.com' }),
      testAccount(6, { kind: 'aws', issuer: 'Amazon Web Services', label: 'root' }),
    ]
    const copies = [...walkMenu(menuOf({ accounts }).items)].flatMap((i) => (i.kind === 'copy' ? [i.label] : []))
    expect(copies).toEqual([
      'Seller Central EU (shop@example.com)',
      'Seller Central NA (shop@example.com)',
      'KDP (author@example.com)',
      'Associates EU',
      'Amazon NA (buyer) (me@example.com)',
      'AWS (Amazon Web Services · root)',
    ])
  })
})

describe('tray: pinned accounts', () => {
  it('come first, under a heading, before the sections', () => {
    const accounts = [testAccount(1, { label: 'a' }), testAccount(2, { label: 'b', pinned: true }), testAccount(3, { kind: 'kdp', label: 'c', pinned: true })]
    expect(labels(menuOf({ accounts }).items).slice(0, 6)).toEqual(['Click an account to copy its code', 'Pinned', 'Seller Central (b)', 'KDP (c)', '---', 'Seller Central (a)'])
  })

  it(`stay at the top level when the rest (more than ${FLAT_LIMIT}) goes into submenus`, () => {
    const accounts = Array.from({ length: 60 }, (_, i) => testAccount(i, { pinned: i === 7 || i === 42 }))
    const menu = menuOf({ accounts })
    expect(topCopies(menu)).toEqual(['account-0007', 'account-0042'])
    expect(labels(menu.items).slice(0, 5)).toEqual(['Click an account to copy its code', 'Pinned', 'Seller Central (seller7@example.com)', 'Seller Central (seller42@example.com)', '---'])
    expect(menu.items.filter((i) => i.kind === 'submenu').length).toBeGreaterThan(0)
    // Each account once: a pinned one is not repeated in its submenu.
    expect([...copyIds(menu)].sort()).toEqual(accounts.map((a) => a.id).sort())
  })

  it('follow the list’s order setting', () => {
    const accounts = [testAccount(1, { label: 'b', pinned: true, lastUsedAt: 10 }), testAccount(2, { label: 'a', pinned: true, lastUsedAt: 20 })]
    expect(topCopies(menuOf({ accounts, sort: 'manual' }))).toEqual(['account-0001', 'account-0002'])
    expect(topCopies(menuOf({ accounts, sort: 'name' }))).toEqual(['account-0002', 'account-0001'])
    expect(topCopies(menuOf({ accounts, sort: 'recent' }))).toEqual(['account-0002', 'account-0001'])
  })

  it(`never put more than ${FLAT_LIMIT} copy items at the top level, however many are pinned`, () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 70 }), (pins) => {
        const accounts = pins.map((pinned, i) => testAccount(i, { pinned }))
        const menu = menuOf({ accounts })
        expect(topCopies(menu).length).toBeLessThanOrEqual(FLAT_LIMIT)
        expect([...copyIds(menu)].sort()).toEqual(accounts.map((a) => a.id).sort())
      }),
      { seed: 1818, numRuns: 300 },
    )
  })
})

describe('tray: missing keys', () => {
  const accounts = [testAccount(1), testAccount(2), testAccount(3)]

  it('warns as for a locked keychain: warning icon, a line saying so, the way out — and no items that fail on click', () => {
    const menu = menuOf({ accounts, missingKeyIds: ['account-0002'] })
    expect(menu.icon).toBe('warning')
    expect(menu.tooltip).toBe('SellerGuard — 1 key missing')
    expect(labels(menu.items).slice(0, 3)).toEqual(['1 account has no key in the keychain — its codes cannot be copied', 'Restore missing keys…', '---'])
    expect(findMenuItem(menu, 'open-missing-keys')).toEqual({ kind: 'action', id: 'open-missing-keys', label: 'Restore missing keys…' })
    expect(copyIds(menu)).toEqual(['account-0001', 'account-0003'])
    expect(findMenuItem(menu, 'copy:account-0002')).toBeNull()
  })

  it('says so plainly when every key is missing', () => {
    const menu = menuOf({ accounts, missingKeyIds: accounts.map((a) => a.id) })
    expect(copyIds(menu)).toEqual([])
    expect(labels(menu.items)[0]).toBe('3 accounts have no key in the keychain — its codes cannot be copied')
    expect(menu.tooltip).toBe('SellerGuard — 3 keys missing')
  })

  it('ignores ids of accounts that do not exist, and stays normal without missing keys', () => {
    expect(menuOf({ accounts, missingKeyIds: ['gone-account'] }).icon).toBe('normal')
    expect(menuOf({ accounts, missingKeyIds: [] }).tooltip).toBe('SellerGuard')
  })
})

describe('tray: user text cannot reorder the menu', () => {
  it('drops right-to-left overrides from names and isolates right-to-left names', () => {
    const spoof = testAccount(1, { kind: 'other', issuer: '\u202Emoc.lapyap', label: 'me' })
    expect(findMenuItem(menuOf({ accounts: [spoof] }), 'copy:account-0001')?.label).toBe('moc.lapyap (me)')
    const arabic = testAccount(1, { kind: 'other', issuer: 'متجر', label: 'me@shop.com' })
    expect(findMenuItem(menuOf({ accounts: [arabic] }), 'copy:account-0001')?.label).toBe('\u2068متجر\u2069 (me@shop.com)')
    const group = Array.from({ length: 16 }, (_, i) => testAccount(i, { group: 'متجر\u202E' }))
    expect(menuOf({ accounts: group }).items.find((i) => i.kind === 'submenu')?.label).toBe('\u2068متجر\u2069')
  })

  it('leaves no direction control in any label except balanced isolates of our own', () => {
    const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('\u202Eevil', 'a\u2066b', 'متجر', 'שלום \u202D', ''))
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text, text), { maxLength: 30 }), (rows) => {
        const accounts = rows.map(([issuer, label, group], i) => testAccount(i, { kind: 'other', issuer, label, group }))
        for (const item of walkMenu(menuOf({ accounts }).items)) {
          if (item.kind === 'separator') continue
          expect(item.label).not.toMatch(/[\u202a-\u202e\u2066\u2067]/)
          expect((item.label.match(/\u2068/g) ?? []).length).toBe((item.label.match(/\u2069/g) ?? []).length)
        }
      }),
      { seed: 19, numRuns: 300 },
    )
  })
})
