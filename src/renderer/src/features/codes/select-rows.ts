import { compareAccounts, fold, KIND_LABELS, letterColours, nameDetail, sectionAccounts, shortName, shortNameParts, badgeFor, type AccountSummary, type Badge, type SortOrder } from '../../contract'

/** An account as the list shows it: computed once per change of the accounts, not per keystroke. */
export type AccountView = Readonly<{
  account: AccountSummary
  /** The one short name ("Seller Central EU"), as in the tray and the quick pick. */
  name: string
  /** The same in two parts: a narrow row shortens `base`, never `region`. */
  nameParts: Readonly<{ base: string; region: string }>
  /** The line under it: the label, and the issuer when the name does not say it. */
  detail: string
  /** Folded text that search words must all appear in. */
  haystack: string
  badge: Badge
}>

export type ListRow =
  | Readonly<{ type: 'header'; key: string; title: string; count: number }>
  | Readonly<{ type: 'account'; key: string; view: AccountView }>

/** Names, badges and search text for every account (brand matching runs here, once). */
export function describeAccounts(accounts: readonly AccountSummary[]): Map<string, AccountView> {
  return new Map(accounts.map((account) => [account.id, describeAccount(account)]))
}

/** One account's view (account-views.ts keeps it while the account is unchanged). */
export function describeAccount(account: AccountSummary): AccountView {
  const name = shortName(account)
  const detail = nameDetail(account)
  const haystack = fold(`${name} ${detail} ${account.issuer} ${account.label} ${account.group} ${KIND_LABELS[account.kind]}${account.pinned ? ' pinned' : ''}`)
  return { account, name, nameParts: shortNameParts(account), detail, haystack, badge: badgeFor({ ...account, choice: account.icon }) }
}

/** Every word of the query must appear in the name, the line under it, the issuer, label, group or kind. */
export function matches(view: AccountView, words: readonly string[]): boolean {
  return words.every((w) => view.haystack.includes(w))
}

/**
 * The rows of the codes list, filtered by the search words: pinned
 * accounts first (so the quick pick's Enter finds them first), then
 * sections by group (ungrouped first) and kind, each in the chosen order
 * (the same as the tray's). Letter badges get their colours last, from the
 * rows as shown, so neighbours never share one.
 */
export function selectRows(views: ReadonlyMap<string, AccountView>, accounts: readonly AccountSummary[], query: string, sort: SortOrder = 'manual'): ListRow[] {
  const words = fold(query).split(/\s+/).filter(Boolean)
  const shown = accounts.filter((a) => matches(views.get(a.id)!, words))
  const out: ListRow[] = []
  const push = (list: readonly AccountSummary[]) => {
    for (const account of list) out.push({ type: 'account', key: account.id, view: views.get(account.id)! })
  }
  const pinned = shown.filter((a) => a.pinned).sort(compareAccounts(sort))
  if (pinned.length > 0) {
    out.push({ type: 'header', key: 'h:pinned', title: 'Pinned', count: pinned.length })
    push(pinned)
  }
  for (const group of sectionAccounts(
    shown.filter((a) => !a.pinned),
    sort,
  )) {
    for (const section of group.kinds) {
      const title = group.group ? `${group.group} · ${KIND_LABELS[section.kind]}` : KIND_LABELS[section.kind]
      out.push({ type: 'header', key: `h:${group.group}\u0000${section.kind}`, title, count: section.accounts.length })
      push(section.accounts)
    }
  }
  return withLetterColours(out)
}

/** A view with its letter badge recoloured, kept per view: the row's memo holds across keystrokes. */
const recoloured = new WeakMap<AccountView, AccountView>()

function withColour(view: AccountView, background: string): AccountView {
  const kept = recoloured.get(view)
  if (kept?.badge.kind === 'letters' && kept.badge.background === background) return kept
  const next = { ...view, badge: { ...view.badge, background } }
  recoloured.set(view, next)
  return next
}

function withLetterColours(rows: ListRow[]): ListRow[] {
  const accountRows = rows.filter((r) => r.type === 'account')
  const colours = letterColours(accountRows.map((r) => (r.view.badge.kind === 'letters' ? r.view.badge.title : null)))
  const byKey = new Map(accountRows.map((r, i) => [r.key, colours[i]]))
  return rows.map((row) => {
    if (row.type !== 'account' || row.view.badge.kind !== 'letters') return row
    const colour = byKey.get(row.key)!
    return colour === row.view.badge.background ? row : { ...row, view: withColour(row.view, colour!) }
  })
}
