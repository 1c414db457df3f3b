import { describe, expect, it } from 'vitest'
import type { AccountSummary } from '../../contract'
import { describeAccounts, selectRows, type ListRow } from './select-rows'
import { testAccount } from '../../../../../test/helpers/accounts'

const account = (id: string, issuer: string, extra: Partial<AccountSummary> = {}): AccountSummary =>
  testAccount(0, { id: `acc_${id.padEnd(8, 'x')}`, issuer, label: `${id}@example.com`, kind: 'other', order: 0, ...extra })
const rowsOf = (accounts: AccountSummary[], query = '', sort: Parameters<typeof selectRows>[3] = 'manual') => selectRows(describeAccounts(accounts), accounts, query, sort)
const accountRows = (rows: ListRow[]) => rows.flatMap((r) => (r.type === 'account' ? [r.view] : []))

describe('codes list rows', () => {
  const accounts = [
    account('b', 'GitHub', { order: 3 }),
    account('a', 'Amazon', { kind: 'seller-central', order: 1 }),
    account('c', 'Amazon', { kind: 'kdp', order: 2, label: 'author@example.com' }),
    account('d', 'Café Bank', { group: 'Europe', kind: 'seller-central', order: 0 }),
  ]

  it('groups by group (ungrouped first), then kind, keeping the user order', () => {
    expect(rowsOf(accounts).map((r) => (r.type === 'header' ? `# ${r.title}` : r.view.account.issuer))).toEqual([
      '# Seller Central',
      'Amazon',
      '# KDP',
      'Amazon',
      '# Other',
      'GitHub',
      '# Europe · Seller Central',
      'Café Bank',
    ])
  })

  it('filters by every word, ignoring case and accents, across issuer, label, group and kind', () => {
    const labels = (q: string) => accountRows(rowsOf(accounts, q)).map((v) => v.account.label)
    expect(labels('cafe')).toEqual(['d@example.com'])
    expect(labels('AMAZON author')).toEqual(['author@example.com'])
    expect(labels('europe')).toEqual(['d@example.com'])
    expect(labels('kdp')).toEqual(['author@example.com'])
    expect(labels('nothing-matches')).toEqual([])
  })

  it('headers count their accounts', () => {
    const rows = rowsOf([...accounts, account('e', 'Zoho', { order: 9 })])
    expect(rows.find((r) => r.type === 'header' && r.title === 'Other')).toMatchObject({ count: 2 })
  })
})

describe('eight Amazon accounts no longer look alike', () => {
  const eight = [
    account('scus', 'Amazon', { kind: 'seller-central', region: 'na', label: 'shop@example.com' }),
    account('sceu', 'Amazon', { kind: 'seller-central', region: 'eu', label: 'shop@example.com' }),
    account('scjp', 'amazon.co.jp', { kind: 'seller-central', region: 'fe', label: 'shop@example.com' }),
    account('kdp', 'Amazon', { kind: 'kdp', label: 'author@example.com' }),
    account('assoc', 'Amazon', { kind: 'associates', region: 'na', label: 'shop@example.com' }),
    account('buyer', 'Amazon', { kind: 'amazon-buyer', region: 'na', label: 'me@example.com' }),
    account('store2', 'Second store', { kind: 'seller-central', region: 'eu', label: 'store2@example.com' }),
    account('aws', 'Amazon Web Services', { kind: 'aws', label: 'root' }),
  ]

  it('each has its own name and line under it', () => {
    const views = accountRows(rowsOf(eight))
    const shown = views.map((v) => `${v.name} | ${v.detail}`)
    expect(new Set(shown).size).toBe(8)
    expect(shown).toEqual(
      expect.arrayContaining([
        'Seller Central NA | shop@example.com',
        'Seller Central EU | shop@example.com',
        'Seller Central AU/SG | shop@example.com',
        'KDP | author@example.com',
        'Associates NA | shop@example.com',
        'Amazon NA (buyer) | me@example.com',
        'Seller Central EU | Second store · store2@example.com',
        'AWS | Amazon Web Services · root',
      ]),
    )
  })

  it('their badges name the property rather than repeating "AM"', () => {
    const texts = accountRows(rowsOf(eight)).map((v) => (v.badge.kind === 'monogram' || v.badge.kind === 'letters' ? v.badge.text : v.badge.kind))
    expect(texts).not.toContain('AM')
    expect(new Set(texts)).toEqual(new Set(['SC', 'KDP', 'AS', 'a', 'AWS']))
  })

  it('search finds them by their short names', () => {
    expect(accountRows(rowsOf(eight, 'seller central eu')).map((v) => v.account.id)).toEqual(['acc_sceuxxxx', 'acc_store2xx'])
  })
})

describe('pinned accounts and order', () => {
  const list = [
    account('zed', 'Zoho', { order: 0, lastUsedAt: 50 }),
    account('ace', 'Acme Bank', { order: 1, lastUsedAt: null }),
    account('mid', 'Mailbox', { order: 2, lastUsedAt: 90, pinned: true }),
    account('bee', 'Bee Books', { order: 3, lastUsedAt: 10, pinned: true }),
  ]

  it('come first under their own heading, and are not repeated in their section', () => {
    const rows = rowsOf(list)
    expect(rows.map((r) => (r.type === 'header' ? `# ${r.title}` : r.view.name))).toEqual(['# Pinned', 'Mailbox', 'Bee Books', '# Other', 'Zoho', 'Acme Bank'])
  })

  it('the quick pick’s Enter takes the first match: a pinned one wins', () => {
    // Zoho comes first in the user's order, but Mailbox is pinned.
    const first = rowsOf(list, 'o').find((r) => r.type === 'account')
    expect(first?.type === 'account' && first.view.name).toBe('Mailbox')
  })

  it.each([
    ['manual', ['Mailbox', 'Bee Books', 'Zoho', 'Acme Bank']],
    ['name', ['Bee Books', 'Mailbox', 'Acme Bank', 'Zoho']],
    ['issuer', ['Bee Books', 'Mailbox', 'Acme Bank', 'Zoho']],
    ['recent', ['Mailbox', 'Bee Books', 'Zoho', 'Acme Bank']],
  ] as const)('sorted %s', (sort, names) => {
    expect(accountRows(rowsOf(list, '', sort)).map((v) => v.name)).toEqual(names)
  })
})

describe('letter badges in the list', () => {
  it('never give neighbouring rows the same colour', () => {
    const names = ['Acme Bank', 'Beta Bank', 'Gamma Shop', 'Delta Ltd', 'Epsilon', 'Zeta Co', 'Eta', 'Theta', 'Iota', 'Kappa', 'Lambda', 'Mu', 'Nu', 'Xi']
    const views = accountRows(rowsOf(names.map((n, i) => account(`n${i}`, n, { order: i }))))
    for (let i = 1; i < views.length; i++) {
      const [a, b] = [views[i - 1]!.badge, views[i]!.badge]
      if (a.kind === 'letters' && b.kind === 'letters') expect(b.background).not.toBe(a.background)
    }
  })

  it('split emoji names by grapheme, never showing half a character', () => {
    const [view] = accountRows(rowsOf([account('fox', '🦊 Fox Shop')]))
    expect(view?.badge).toMatchObject({ kind: 'letters', text: '🦊F' })
  })
})

describe('codes list rows across searches', () => {
  // Letter badges: neighbours that would share a colour get the next one (a recoloured view).
  const many = Array.from({ length: 60 }, (_, i) => account(`n${i}`, `Zq ${String.fromCharCode(97 + (i % 26))}${i}`, { order: i }))
  const views = describeAccounts(many)
  const shown = (query: string) => new Map(accountRows(selectRows(views, many, query)).map((v) => [v.account.id, v]))

  it('keeps each shown account’s view object, recoloured or not, so rows re-render only when they change', () => {
    const all = shown('')
    expect([...all.values()].some((v) => v !== views.get(v.account.id))).toBe(true)
    for (const query of ['z', 'zq', '']) {
      for (const [id, view] of shown(query)) if (JSON.stringify(all.get(id)!.badge) === JSON.stringify(view.badge)) expect(view).toBe(all.get(id))
    }
  })
})
