import { describe, expect, it } from 'vitest'
import type { AccountSummary } from '../../contract'
import { hueOf, initials, selectRows } from './select-rows'
import { testAccount } from '../../../../../test/helpers/accounts'

const account = (id: string, issuer: string, extra: Partial<AccountSummary> = {}): AccountSummary =>
  testAccount(0, { id: `acc_${id.padEnd(8, 'x')}`, issuer, label: `${id}@example.com`, kind: 'other', order: 0, ...extra })

describe('codes list rows', () => {
  const accounts = [
    account('b', 'GitHub', { order: 3 }),
    account('a', 'Amazon', { kind: 'seller-central', order: 1 }),
    account('c', 'Amazon', { kind: 'kdp', order: 2, label: 'author@example.com' }),
    account('d', 'Café Bank', { group: 'Europe', kind: 'seller-central', order: 0 }),
  ]

  it('groups by group (ungrouped first), then kind, keeping the user order', () => {
    expect(selectRows(accounts, '').map((r) => (r.type === 'header' ? `# ${r.title}` : r.account.issuer))).toEqual([
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
    const issuers = (q: string) => selectRows(accounts, q).flatMap((r) => (r.type === 'account' ? [r.account.label] : []))
    expect(issuers('cafe')).toEqual(['d@example.com'])
    expect(issuers('AMAZON author')).toEqual(['author@example.com'])
    expect(issuers('europe')).toEqual(['d@example.com'])
    expect(issuers('kdp')).toEqual(['author@example.com'])
    expect(issuers('nothing-matches')).toEqual([])
  })

  it('headers count their accounts', () => {
    const rows = selectRows([...accounts, account('e', 'Zoho', { order: 9 })], '')
    expect(rows.find((r) => r.type === 'header' && r.title === 'Other')).toMatchObject({ count: 2 })
  })

  it('makes issuer badges', () => {
    expect(initials('Amazon Seller Central')).toBe('AS')
    expect(initials('kdp')).toBe('KD')
    expect(initials('  ')).toBe('?')
    expect(hueOf('Amazon')).toBe(hueOf('amazon'))
  })
})
