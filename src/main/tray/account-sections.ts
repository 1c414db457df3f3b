import { fold, KIND_LABELS, KIND_ORDER } from '../../shared/account-kinds'
import type { AccountKind, AccountSummary } from '../../shared/contract'

export { KIND_LABELS }

/** The accounts of one kind within one group, in the user's order. */
export type KindSection = Readonly<{ kind: AccountKind; accounts: readonly AccountSummary[] }>

/** One group (`''` = ungrouped) and its kinds, in kind order. */
export type GroupSection = Readonly<{ group: string; kinds: readonly KindSection[]; count: number }>


/**
 * Accounts grouped exactly as the main window lists them
 * (`renderer/src/features/codes/select-rows.ts`): ungrouped first, then
 * groups by name (case- and accent-insensitive); within a group, Seller
 * Central, KDP, Associates, Other; within a kind, by `order` (ties keep the
 * input order). An id seen twice is listed once (the first), so menu ids
 * stay unique even if the caller hands over a duplicate.
 */
export function sectionAccounts(accounts: readonly AccountSummary[]): GroupSection[] {
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
  return [...groups.entries()]
    .sort(([a], [b]) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0))
    .map(([group, kinds]) => {
      const sections = KIND_ORDER.flatMap((kind) => {
        const list = kinds.get(kind)
        return list ? [{ kind, accounts: [...list].sort((a, b) => a.order - b.order) }] : []
      })
      return { group, kinds: sections, count: sections.reduce((n, s) => n + s.accounts.length, 0) }
    })
}
