import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AccountKind, AccountSummary, ClockState, KeychainState } from '../../shared/contract'
import { FLAT_LIMIT, SUBMENU_LIMIT, buildTrayMenu, findMenuItem, walkMenu, type TrayMenuInput } from './menu-model'
import type { TrayMenu, TrayMenuItem } from '../../shared/contract'
import { testAccount } from '../../../test/helpers/accounts'
import { trayClock } from '../../../test/helpers/clock-status'

const base: TrayMenuInput = {
  accounts: [],
  codesAvailable: true,
  clock: trayClock({ state: 'ok', offsetMs: 120, checking: false }),
  keychainState: 'ready',
  platform: 'linux',
}
const menuOf = (over: Partial<TrayMenuInput> = {}) => buildTrayMenu({ ...base, ...over })

const copyIds = (menu: TrayMenu) => [...walkMenu(menu.items)].flatMap((i) => (i.kind === 'copy' ? [i.accountId] : []))
const labels = (items: readonly TrayMenuItem[]) => items.map((i) => (i.kind === 'separator' ? '---' : i.label))
const submenus = (menu: TrayMenu) => [...walkMenu(menu.items)].filter((i) => i.kind === 'submenu')

describe('tray menu: layout', () => {
  it('lists a few accounts directly, then the clock, open and quit', () => {
    const menu = menuOf({ accounts: [testAccount(2, { label: 'eu@shop.com' }), testAccount(1, { label: 'us@shop.com' })] })
    expect(labels(menu.items)).toEqual([
      'Click an account to copy its code',
      'Seller Central (us@shop.com)',
      'Seller Central (eu@shop.com)',
      '---',
      'Clock in sync',
      'Check clock now',
      '---',
      'Open SellerGuard',
      'Quit',
    ])
    expect(menu.items[1]).toEqual({ kind: 'copy', id: 'copy:account-0001', accountId: 'account-0001', label: 'Seller Central (us@shop.com)' })
    expect(menu.icon).toBe('normal')
    expect(menu.tooltip).toBe('SellerGuard')
  })

  it('heads each section like the main window when there is more than one: ungrouped first, then groups by name, kinds in order', () => {
    const accounts = [
      testAccount(1, { group: 'Shop B', kind: 'kdp', issuer: 'KDP', label: 'b' }),
      testAccount(2, { group: '', kind: 'other', issuer: 'Bank', label: 'x' }),
      testAccount(3, { group: 'Shop A', kind: 'associates', issuer: 'Associates', label: 'a2' }),
      testAccount(4, { group: 'Shop A', kind: 'seller-central', issuer: 'Amazon', label: 'a1' }),
      testAccount(5, { group: '', kind: 'seller-central', issuer: 'Amazon', label: 'main' }),
    ]
    expect(labels(menuOf({ accounts }).items).slice(0, 15)).toEqual([
      'Click an account to copy its code',
      'Seller Central',
      'Seller Central (main)',
      '---',
      'Other',
      'Bank (x)',
      '---',
      'Shop A · Seller Central',
      'Seller Central (a1)',
      '---',
      'Shop A · Associates',
      'Associates (a2)',
      '---',
      'Shop B · KDP',
      'KDP (b)',
    ])
  })

  it('keeps the user order within a section', () => {
    const accounts = [testAccount(1, { order: 30, label: 'c' }), testAccount(2, { order: 10, label: 'a' }), testAccount(3, { order: 20, label: 'b' })]
    expect(labels(menuOf({ accounts }).items).slice(1, 4)).toEqual(['Seller Central (a)', 'Seller Central (b)', 'Seller Central (c)'])
  })

  it(`uses submenus past ${FLAT_LIMIT} accounts: one per ungrouped kind and one per group`, () => {
    const accounts = [
      ...Array.from({ length: 10 }, (_, i) => testAccount(i, { kind: 'seller-central' })),
      ...Array.from({ length: 3 }, (_, i) => testAccount(100 + i, { kind: 'kdp', issuer: 'KDP' })),
      ...Array.from({ length: 4 }, (_, i) => testAccount(200 + i, { group: 'Client & Co', kind: i < 2 ? 'seller-central' : 'associates' })),
    ]
    const menu = menuOf({ accounts })
    expect(labels(menu.items).slice(0, 4)).toEqual(['Click an account to copy its code', 'Seller Central', 'KDP', 'Client && Co'])
    const group = menu.items[3]
    if (group?.kind !== 'submenu') throw new Error('expected a submenu')
    // A small group lists its kinds with headings inside its submenu.
    expect(labels(group.items)).toEqual(['Seller Central', 'Seller Central (seller200@example.com)', 'Seller Central (seller201@example.com)', '---', 'Associates', 'Associates (seller202@example.com)', 'Associates (seller203@example.com)'])
  })

  it(`splits a kind larger than ${SUBMENU_LIMIT} into parts named by who is inside, not numbers`, () => {
    const accounts = Array.from({ length: 40 }, (_, i) => testAccount(i))
    const menu = menuOf({ accounts })
    expect(submenus(menu).map((s) => s.label)).toEqual([
      'Seller Central · seller0@example.com – seller14@example.com',
      'Seller Central · seller15@example.com – seller29@example.com',
      'Seller Central · seller30@example.com – seller39@example.com',
    ])
    expect(copyIds(menu)).toEqual(accounts.map((a) => a.id))
  })

  it('names each part by its first and last account, in the list’s order', () => {
    const shops = ['Aardvark Shop', 'Bee Books', 'Cedar Crafts', 'Dune Decor', 'Eden Goods', 'Fable Toys', 'Gale Garden', 'Harbor Home', 'Iris Ink', 'Juniper Jewels', 'Kite Kids', 'Lumen Lamps', 'Moss Market', 'North Nook', 'Olive Oils', 'Pine Prints', 'Quill Quarters']
    const accounts = shops.map((issuer, i) => testAccount(i, { kind: 'other', issuer, label: '' }))
    expect(submenus(menuOf({ accounts, sort: 'name' })).map((s) => s.label)).toEqual(['Other · Aardvark Shop – Olive Oils', 'Other · Pine Prints – Quill Quarters'])
    // A long name is cut at each end; a part of one account is named once.
    const long = [...accounts.slice(0, 15), testAccount(99, { kind: 'other', issuer: 'Zephyr Wholesale Distribution GmbH & Co. KG', label: '' })]
    expect(submenus(menuOf({ accounts: long })).at(-1)?.label).toBe('Other · Zephyr Wholesale Di…')
  })

  it('gives a large group a submenu per kind inside its own submenu', () => {
    const accounts = [
      ...Array.from({ length: 20 }, (_, i) => testAccount(i, { group: 'Big', kind: 'seller-central' })),
      ...Array.from({ length: 2 }, (_, i) => testAccount(50 + i, { group: 'Big', kind: 'kdp' })),
    ]
    const menu = menuOf({ accounts })
    const big = menu.items[1]
    if (big?.kind !== 'submenu') throw new Error('expected a submenu')
    expect(big.label).toBe('Big')
    expect(labels(big.items)).toEqual(['Seller Central · seller0@example.com – seller14@example.com', 'Seller Central · seller15@example.com – seller19@example.com', 'KDP'])
  })

  it('escapes & in labels and group names, and never shows a tab or newline', () => {
    const accounts = [testAccount(1, { kind: 'other', issuer: 'Smith & Sons', label: 'a\tb\nc', group: 'R&D' })]
    const menu = menuOf({ accounts })
    expect(labels(menu.items).slice(0, 2)).toEqual(['Click an account to copy its code', 'Smith && Sons (a b c)'])
    const many = menuOf({ accounts: Array.from({ length: 16 }, (_, i) => testAccount(i, { group: 'R&D' })) })
    expect(submenus(many)[0]?.label).toBe('R&&D')
  })

  it('escapes the same way on every platform (Electron strips a single & on macOS too)', () => {
    const accounts = [testAccount(1, { kind: 'other', issuer: 'A&B', label: '' })]
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(findMenuItem(menuOf({ accounts, platform }), 'copy:account-0001')?.label).toBe('A&&B')
    }
  })

  it('says so when there are no accounts', () => {
    expect(labels(menuOf().items)[0]).toBe('No accounts yet')
    expect(copyIds(menuOf())).toEqual([])
  })
})

describe('tray menu: keychain', () => {
  const accounts = [testAccount(1), testAccount(2)]
  it.each<[KeychainState, boolean, string, boolean, TrayMenu['icon']]>([
    ['checking', false, 'Opening the keychain…', false, 'normal'],
    ['locked', false, 'Keychain locked — unlock it to copy codes', true, 'warning'],
    ['unavailable', false, 'Keychain not available — codes cannot be read', true, 'warning'],
    // A keychain that hangs is never shown as ready with old codes.
    ['not-answering', false, 'Keychain not answering — unlock it, then Retry', true, 'warning'],
    ['ready', false, 'Codes are not available yet', false, 'normal'],
  ])('%s (codes %s): no copy items, a status line%s', (keychainState, codesAvailable, line, retry, icon) => {
    const menu = menuOf({ accounts, keychainState, codesAvailable })
    expect(copyIds(menu)).toEqual([])
    expect(menu.items[0]).toEqual({ kind: 'status', label: line, enabled: false })
    expect(findMenuItem(menu, 'retry-keychain') !== null).toBe(retry)
    expect(menu.icon).toBe(icon)
    // The way out is always there.
    expect(findMenuItem(menu, 'open')).not.toBeNull()
    expect(findMenuItem(menu, 'quit')).not.toBeNull()
  })

  it('names the keychain problem in the tooltip', () => {
    expect(menuOf({ keychainState: 'locked', codesAvailable: false }).tooltip).toBe('SellerGuard — keychain locked')
    expect(menuOf({ keychainState: 'unavailable', codesAvailable: false }).tooltip).toBe('SellerGuard — keychain not available')
  })
})

describe('tray menu: clock', () => {
  it.each<[ClockState, number | null, boolean, number, string, TrayMenu['icon']]>([
    ['ok', 300, false, 0, 'Clock in sync', 'normal'],
    ['ok', 300, true, 0, 'Clock in sync', 'normal'],
    ['unknown', null, false, 0, 'Clock not checked (offline?)', 'normal'],
    ['unknown', null, true, 0, 'Checking the clock…', 'normal'],
    ['warn', 7_000, false, 0, 'Clock 7 s behind — codes may be rejected', 'warning'],
    ['critical', 90_000, false, 0, 'Clock 1 min 30 s behind — codes will be rejected', 'warning'],
    ['critical', -180_000, false, 0, 'Clock 3 min ahead — codes will be rejected', 'warning'],
    ['critical', 90_000, false, 90_000, 'Clock 1 min 30 s behind — codes use corrected time', 'warning'],
    ['critical', -(5.5 * 3_600_000), false, 0, 'Clock 5 h 30 min ahead (time zone?) — codes will be rejected', 'warning'],
  ])('%s %s ms (checking %s, correction %d) → %j', (state, offsetMs, checking, correctionMs, line, icon) => {
    const menu = menuOf({ clock: trayClock({ state, offsetMs, checking, correctionMs }) })
    expect(labels(menu.items)).toContain(line)
    expect(menu.icon).toBe(icon)
    expect(findMenuItem(menu, 'check-clock')).toEqual({ kind: 'action', id: 'check-clock', label: 'Check clock now' })
  })

  it('puts the clock problem in the tooltip, never an unknown clock', () => {
    expect(menuOf({ clock: trayClock({ state: 'critical', offsetMs: 90_000, checking: false }) }).tooltip).toBe('SellerGuard — Clock 1 min 30 s behind')
    expect(menuOf({ clock: trayClock({ state: 'unknown', offsetMs: null, checking: false }) }).tooltip).toBe('SellerGuard')
    expect(
      menuOf({ clock: trayClock({ state: 'warn', offsetMs: -6000, checking: false }), keychainState: 'locked', codesAvailable: false }).tooltip,
    ).toBe('SellerGuard — Clock 6 s ahead, keychain locked')
  })

  it('keeps the verdict when a later check gets no answer (no "not checked" after a measurement)', () => {
    const menu = menuOf({ clock: trayClock({ state: 'critical', offsetMs: -37_000, checking: false, correctionMs: -37_000, unknownReason: 'no-answer' }) })
    expect(labels(menu.items)).toContain('Clock 37 s ahead — codes use corrected time')
    expect(menu.icon).toBe('warning')
  })

  it('does not change while a check runs on a known clock (no needless rebuilds)', () => {
    const idle = menuOf({ clock: trayClock({ state: 'ok', offsetMs: 100, checking: false }) })
    const checking = menuOf({ clock: trayClock({ state: 'ok', offsetMs: 100, checking: true }) })
    expect(checking).toEqual(idle)
  })
})

describe('tray menu: automatic backups', () => {
  it('a failing backup is a warning: its own line, the warning icon and the tooltip', () => {
    const menu = menuOf({ backup: { line: 'Backup folder missing', warning: true } })
    expect(labels(menu.items)).toContain('Backup folder missing')
    expect(menu.icon).toBe('warning')
    expect(menu.tooltip).toBe('SellerGuard — backup folder missing')
  })

  it('backups not set up yet: a line, no alarm; fine or off: nothing', () => {
    const menu = menuOf({ backup: { line: 'Automatic backups not set up', warning: false } })
    expect(labels(menu.items)).toContain('Automatic backups not set up')
    expect(menu.icon).toBe('normal')
    expect(menuOf({ backup: null })).toEqual(menuOf())
  })
})

describe('findMenuItem', () => {
  it('finds copy items inside submenus and actions at the top; null for anything else', () => {
    const accounts = Array.from({ length: 20 }, (_, i) => testAccount(i))
    const menu = menuOf({ accounts })
    expect(findMenuItem(menu, 'copy:account-0019')).toMatchObject({ kind: 'copy', accountId: 'account-0019' })
    expect(findMenuItem(menu, 'quit')).toEqual({ kind: 'action', id: 'quit', label: 'Quit' })
    expect(findMenuItem(menu, 'copy:nobody-here')).toBeNull()
    expect(findMenuItem(menu, 'Seller Central 1–15')).toBeNull()
  })
})

describe('tray menu: properties (fast-check, fixed seed)', () => {
  const kinds: AccountKind[] = ['seller-central', 'kdp', 'associates', 'other']
  const text = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('Smith & Co', 'R&D', '👨‍👩‍👧 shop', 'a\nb', ''))
  const accountsArb = fc.uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/),
      issuer: text,
      label: text,
      group: fc.constantFrom('', '', 'Shop A', 'Shop B', 'Client & Co', 'shop a'),
      kind: fc.constantFrom(...kinds),
      order: fc.integer({ min: -5, max: 50 }),
    }),
    { selector: (a) => a.id, maxLength: 80 },
  )
  const toAccounts = (raw: { id: string; issuer: string; label: string; group: string; kind: AccountKind; order: number }[]): AccountSummary[] =>
    raw.map((r, n) => testAccount(n, r))
  const settings = { seed: 20_260_402, numRuns: 400 }

  it('lists every account exactly once when codes are available', () => {
    fc.assert(
      fc.property(accountsArb, (raw) => {
        const accounts = toAccounts(raw)
        const ids = copyIds(menuOf({ accounts }))
        expect([...ids].sort()).toEqual(accounts.map((a) => a.id).sort())
      }),
      settings,
    )
  })

  it('has unique item ids, findable by findMenuItem', () => {
    fc.assert(
      fc.property(accountsArb, fc.constantFrom<KeychainState>('checking', 'ready', 'locked', 'unavailable'), (raw, keychainState) => {
        const menu = menuOf({ accounts: toAccounts(raw), keychainState })
        const ids = [...walkMenu(menu.items)].flatMap((i) => (i.kind === 'copy' || i.kind === 'action' ? [i.id] : []))
        expect(new Set(ids).size).toBe(ids.length)
        for (const id of ids) expect(findMenuItem(menu, id)?.id).toBe(id)
      }),
      settings,
    )
  })

  it('survives a JSON round trip unchanged (no functions, no undefined, no classes)', () => {
    fc.assert(
      fc.property(accountsArb, (raw) => {
        const menu = menuOf({ accounts: toAccounts(raw) })
        expect(JSON.parse(JSON.stringify(menu))).toEqual(menu)
      }),
      settings,
    )
  })

  it(`never puts more than ${SUBMENU_LIMIT} accounts in one submenu, or more than ${FLAT_LIMIT} at the top`, () => {
    fc.assert(
      fc.property(accountsArb, (raw) => {
        const menu = menuOf({ accounts: toAccounts(raw) })
        const countCopies = (items: readonly TrayMenuItem[]) => items.filter((i) => i.kind === 'copy').length
        expect(countCopies(menu.items)).toBeLessThanOrEqual(FLAT_LIMIT)
        for (const s of submenus(menu)) if (s.kind === 'submenu') expect(countCopies(s.items)).toBeLessThanOrEqual(Math.max(SUBMENU_LIMIT, FLAT_LIMIT))
      }),
      settings,
    )
  })

  it('labels are single lines with every & doubled, and no submenu is empty', () => {
    fc.assert(
      fc.property(accountsArb, (raw) => {
        for (const item of walkMenu(menuOf({ accounts: toAccounts(raw) }).items)) {
          if (item.kind === 'separator') continue
          expect(item.label).not.toMatch(/[\n\r\t]/)
          if (item.kind === 'copy' || item.kind === 'submenu') expect(item.label.replaceAll('&&', '')).not.toContain('&')
          if (item.kind === 'submenu') expect(item.items.length).toBeGreaterThan(0)
        }
      }),
      settings,
    )
  })

  it('never shows a code: with no digits in issuers, labels or groups, no item has a digit', () => {
    const noDigits = fc.string({ maxLength: 40 }).map((t) => t.replace(/[0-9]/g, 'x'))
    fc.assert(
      fc.property(fc.array(fc.tuple(noDigits, noDigits), { maxLength: 14 }), (pairs) => {
        const accounts = pairs.map(([issuer, label], n) => testAccount(n, { issuer, label, group: 'Shop' }))
        for (const item of walkMenu(menuOf({ accounts }).items)) {
          if (item.kind === 'copy') expect(item.label).not.toMatch(/[0-9]/)
        }
      }),
      settings,
    )
  })

  it('is deterministic: the same input gives an equal menu', () => {
    fc.assert(
      fc.property(accountsArb, (raw) => {
        const accounts = toAccounts(raw)
        expect(menuOf({ accounts })).toEqual(menuOf({ accounts: [...accounts] }))
      }),
      settings,
    )
  })
})

describe('tray menu while the app lock is locked', () => {
  it('offers only "Unlock SellerGuard…": no accounts, no codes, no clock, whatever the rest says', () => {
    const accounts = [testAccount(1, { label: 'us@shop.com' }), testAccount(2, { label: 'eu@shop.com' })]
    for (const keychainState of ['ready', 'locked', 'checking'] as const) {
      const menu = menuOf({ accounts, keychainState, appLocked: true, clock: trayClock({ state: 'critical', offsetMs: 95_000, checking: false }) })
      expect(menu).toEqual({ icon: 'normal', tooltip: 'SellerGuard — locked', items: [{ kind: 'action', id: 'unlock', label: 'Unlock SellerGuard…' }] })
      expect(findMenuItem(menu, 'copy:account-0001')).toBeNull()
    }
  })
})
