import { fold, KIND_LABELS, KIND_ORDER, type AccountSummary } from '../../contract'

export type ListRow =
  | Readonly<{ type: 'header'; key: string; title: string; count: number }>
  | Readonly<{ type: 'account'; key: string; account: AccountSummary }>

/** Every word of the query must appear in the issuer, label, group or kind. */
export function matches(account: AccountSummary, words: readonly string[]): boolean {
  if (words.length === 0) return true
  const haystack = fold(`${account.issuer} ${account.label} ${account.group} ${KIND_LABELS[account.kind]}`)
  return words.every((w) => haystack.includes(w))
}

/**
 * The rows of the codes list: accounts grouped by their group (ungrouped
 * first), then by kind (Seller Central, KDP, Associates, Other), each
 * section keeping the user's order, filtered by the search words.
 */
export function selectRows(accounts: readonly AccountSummary[], query: string): ListRow[] {
  const words = fold(query).split(/\s+/).filter(Boolean)
  const sections = new Map<string, { title: string; accounts: AccountSummary[]; sort: string }>()
  for (const account of accounts) {
    if (!matches(account, words)) continue
    const kindIndex = KIND_ORDER.indexOf(account.kind)
    const key = `${account.group}\u0000${kindIndex}`
    let section = sections.get(key)
    if (!section) {
      const title = account.group ? `${account.group} · ${KIND_LABELS[account.kind]}` : KIND_LABELS[account.kind]
      section = { title, accounts: [], sort: `${account.group ? '1' : '0'}${fold(account.group)}\u0000${kindIndex}` }
      sections.set(key, section)
    }
    section.accounts.push(account)
  }
  const rows: ListRow[] = []
  for (const [key, section] of [...sections].sort((a, b) => (a[1].sort < b[1].sort ? -1 : a[1].sort > b[1].sort ? 1 : 0))) {
    rows.push({ type: 'header', key: `h:${key}`, title: section.title, count: section.accounts.length })
    for (const account of [...section.accounts].sort((a, b) => a.order - b.order)) rows.push({ type: 'account', key: account.id, account })
  }
  return rows
}

/** Initials for an issuer badge: "Amazon Seller Central" → "AS", "kdp" → "KD". */
export function initials(name: string): string {
  const words = name.trim().split(/[\s._@-]+/).filter(Boolean)
  if (words.length === 0) return '?'
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase()
  return (words[0]![0]! + words[1]![0]!).toUpperCase()
}

/** A stable hue for a name, so the same issuer always gets the same colour. */
export function hueOf(name: string): number {
  let hash = 0
  for (const char of fold(name)) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return hash % 360
}
