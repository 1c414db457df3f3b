import { fold, KIND_ORDER } from './account-kinds'
import { nameDetail, shortName } from './account-name'
import type { AccountKind, AccountSummary } from './contract/accounts'
import type { SortOrder } from './contract/settings'

/** The accounts of one kind within one group, in the chosen order. */
export type KindSection = Readonly<{ kind: AccountKind; accounts: readonly AccountSummary[] }>

/** One group (`''` = ungrouped) and its kinds, in kind order. */
export type GroupSection = Readonly<{ group: string; kinds: readonly KindSection[]; count: number }>

const text = (a: AccountSummary) => fold(`${shortName(a)}\u0000${nameDetail(a)}`)
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * How accounts are ordered within a section (and among the pinned), the
 * same in the codes list, the tray and the quick pick:
 * - `manual`: the user's order;
 * - `name`: by the short name and the line under it ("Seller Central EU …");
 * - `issuer`: by issuer as typed, then name;
 * - `recent`: most recently copied first, never-copied ones after in the user's order.
 * Ties keep the user's order, so the result is always the same.
 */
export function compareAccounts(sort: SortOrder): (a: AccountSummary, b: AccountSummary) => number {
  const manual = (a: AccountSummary, b: AccountSummary) => a.order - b.order
  switch (sort) {
    case 'manual':
      return manual
    case 'name':
      return (a, b) => byText(text(a), text(b)) || manual(a, b)
    case 'issuer':
      return (a, b) => byText(fold(a.issuer), fold(b.issuer)) || byText(text(a), text(b)) || manual(a, b)
    case 'recent':
      return (a, b) => (b.lastUsedAt ?? -Infinity) - (a.lastUsedAt ?? -Infinity) || manual(a, b)
  }
}

/** The pinned accounts, in the chosen order: they come first in the list, the tray and the quick pick. */
export function pinnedAccounts(accounts: readonly AccountSummary[], sort: SortOrder): AccountSummary[] {
  return accounts.filter((a) => a.pinned).sort(compareAccounts(sort))
}

/**
 * Accounts grouped as the codes list and the tray show them: ungrouped
 * first, then groups by name (case- and accent-insensitive); within a
 * group, kinds in `KIND_ORDER`; within a kind, by `sort` (ties keep the
 * input order). An id seen twice is listed once (the first), so menu ids
 * stay unique even if the caller hands over a duplicate.
 */
export function sectionAccounts(accounts: readonly AccountSummary[], sort: SortOrder = 'manual'): GroupSection[] {
  const seen = new Set<string>()
  const groups = new Map<string, Map<AccountKind, AccountSummary[]>>()
  for (const account of accounts) {
    if (seen.has(account.id)) continue
    seen.add(account.id)
    let kinds = groups.get(account.group)
    if (!kinds) groups.set(account.group, (kinds = new Map()))
    const list = kinds.get(account.kind)
    if (list) list.push(account)
    else kinds.set(account.kind, [account])
  }
  const sortKey = (group: string) => `${group ? '1' : '0'}${fold(group)}\u0000${group}`
  const compare = compareAccounts(sort)
  return [...groups.entries()]
    .sort(([a], [b]) => byText(sortKey(a), sortKey(b)))
    .map(([group, kinds]) => {
      const sections = KIND_ORDER.flatMap((kind) => {
        const list = kinds.get(kind)
        return list ? [{ kind, accounts: [...list].sort(compare) }] : []
      })
      return { group, kinds: sections, count: sections.reduce((n, s) => n + s.accounts.length, 0) }
    })
}
