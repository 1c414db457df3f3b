import { KIND_LABELS } from '../../shared/account-kinds'
import { nameDetail, shortName } from '../../shared/account-name'
import { pinnedAccounts, sectionAccounts, type GroupSection, type KindSection } from '../../shared/account-sections'
import type { AccountKind, AccountSummary, KeychainState, SortOrder, TrayCopyItem, TrayMenuItem } from '../../shared/contract'
import { accountLabel, escapeMnemonics, isolateRtl, oneLine, truncate } from './menu-label'

export type TrayAccountsInput = Readonly<{
  accounts: readonly AccountSummary[]
  /** The codes list's order (settings): the tray follows it. Default `manual`. */
  sort?: SortOrder
  /** Accounts whose key is missing from the keychain: clicking one could only fail, so they are not listed. */
  missingKeyIds?: readonly string[]
  /** Secrets can be read (the keychain is ready and loaded): copy items make sense. */
  codesAvailable: boolean
  keychainState: KeychainState
  /** An account's copy-item label (`copyItemLabel`, or a cache of it: tray/label-cache.ts). */
  labelOf?: (account: AccountSummary) => string
}>

/** Up to this many accounts are listed directly in the menu (about a screen's worth); more go into submenus per group and kind. */
export const FLAT_LIMIT = 15

/** Copy items per submenu; a larger kind is split into parts named by their first and last account. */
export const SUBMENU_LIMIT = 15

/** Group names in headings and submenu titles, in graphemes. */
const MAX_GROUP_LABEL = 32

/** Each end of a name range ("Aardvark Shop – Eden Goods"), in graphemes. */
const MAX_RANGE_END = 20

export const SEPARATOR: TrayMenuItem = { kind: 'separator' }
export const status = (label: string): TrayMenuItem => ({ kind: 'status', label, enabled: false })
const retryKeychain: TrayMenuItem = { kind: 'action', id: 'retry-keychain', label: 'Retry keychain' }

const copyItemId = (accountId: string): TrayCopyItem['id'] => `copy:${accountId}`

/**
 * The accounts part of the tray menu: why there are none, or the missing-
 * keys warning, the pinned accounts at the top level, then the rest — at
 * the top level too while they fit (`FLAT_LIMIT`), else in submenus.
 */
export function accountItems(input: TrayAccountsInput): TrayMenuItem[] {
  switch (input.keychainState) {
    case 'checking':
      return [status('Opening the keychain…')]
    case 'locked':
      return [status('Keychain locked — unlock it to copy codes'), retryKeychain]
    case 'unavailable':
      return [status('Keychain not available — codes cannot be read'), retryKeychain]
    case 'not-answering':
      return [status('Keychain not answering — unlock it, then Retry'), retryKeychain]
    case 'ready':
      break
  }
  if (!input.codesAvailable) return [status('Codes are not available yet')]
  const sort = input.sort ?? 'manual'
  const missing = new Set(input.missingKeyIds ?? [])
  const warning = missingKeysWarning(input.accounts.filter((a) => missing.has(a.id)).length)
  const usable = input.accounts.filter((a) => !missing.has(a.id))
  if (usable.length === 0) return warning.length > 0 ? warning : [status('No accounts yet')]
  const pinned = pinnedAccounts(usable, sort).slice(0, FLAT_LIMIT)
  const pinnedIds = new Set(pinned.map((a) => a.id))
  const groups = sectionAccounts(
    usable.filter((a) => !pinnedIds.has(a.id)),
    sort,
  )
  const labelOf = input.labelOf ?? copyItemLabel
  const rest = usable.length <= FLAT_LIMIT ? flatLayout(groups, labelOf) : submenuLayout(groups, labelOf)
  const pinnedPart = pinned.length === 0 ? [] : [status('Pinned'), ...copyItems(pinned, labelOf), ...(rest.length > 0 ? [SEPARATOR] : [])]
  return [...warning, status('Click an account to copy its code'), ...pinnedPart, ...rest]
}

/** As for a locked keychain: say what is wrong and offer the way out, instead of items that fail on click. */
function missingKeysWarning(count: number): TrayMenuItem[] {
  if (count === 0) return []
  const what = count === 1 ? '1 account has no key in the keychain' : `${count} accounts have no key in the keychain`
  return [status(`${what} — its codes cannot be copied`), { kind: 'action', id: 'open-missing-keys', label: 'Restore missing keys…' }, SEPARATOR]
}

type Section = Readonly<{ title: string; accounts: readonly AccountSummary[] }>

const groupName = (group: string) => escapeMnemonics(isolateRtl(truncate(oneLine(group), MAX_GROUP_LABEL)))
const kindName = (kind: AccountKind) => KIND_LABELS[kind]

/**
 * The one short name of the codes list and the quick pick ("Seller Central
 * EU"), then what tells it apart; escaped. Depends on the account's kind,
 * region, issuer and label only.
 */
export function copyItemLabel(a: AccountSummary): string {
  return escapeMnemonics(accountLabel(shortName(a), nameDetail(a)))
}

type LabelOf = (account: AccountSummary) => string

function copyItems(accounts: readonly AccountSummary[], labelOf: LabelOf): TrayMenuItem[] {
  return accounts.map((a) => ({ kind: 'copy', id: copyItemId(a.id), accountId: a.id, label: labelOf(a) }))
}

/** Sections one after another; with more than one, each gets a heading, and separators between them. */
function sectionList(sections: readonly Section[], labelOf: LabelOf): TrayMenuItem[] {
  if (sections.length === 1) return copyItems(sections[0]!.accounts, labelOf)
  return sections.flatMap((s, i) => [...(i > 0 ? [SEPARATOR] : []), status(s.title), ...copyItems(s.accounts, labelOf)])
}

/** Few accounts: everything at the top level, headed like the main window ("Shop A · KDP"). */
function flatLayout(groups: readonly GroupSection[], labelOf: LabelOf): TrayMenuItem[] {
  return sectionList(
    groups.flatMap((g) => g.kinds.map((k) => ({ title: g.group ? `${groupName(g.group)} · ${kindName(k.kind)}` : kindName(k.kind), accounts: k.accounts }))),
    labelOf,
  )
}

/**
 * Many accounts: ungrouped kinds become top-level submenus ("Seller
 * Central"), each group one submenu. Inside a group the same rule applies
 * again: a small group lists its accounts directly, a large one has a
 * submenu per kind. Long kinds are split so no submenu holds more than
 * `SUBMENU_LIMIT` accounts.
 */
function submenuLayout(groups: readonly GroupSection[], labelOf: LabelOf): TrayMenuItem[] {
  const submenus = (section: KindSection) => kindSubmenus(section, labelOf)
  return groups.flatMap((g) => {
    if (!g.group) return g.kinds.flatMap(submenus)
    const items = g.count <= FLAT_LIMIT ? sectionList(g.kinds.map((k) => ({ title: kindName(k.kind), accounts: k.accounts })), labelOf) : g.kinds.flatMap(submenus)
    return [{ kind: 'submenu', label: groupName(g.group), items }]
  })
}

/** A kind too long for one submenu is split into parts named by who is inside ("Seller Central · Aardvark Shop – Eden Goods"), not numbers. */
function kindSubmenus(section: KindSection, labelOf: LabelOf): TrayMenuItem[] {
  const { accounts } = section
  const title = kindName(section.kind)
  if (accounts.length <= SUBMENU_LIMIT) return [{ kind: 'submenu', label: title, items: copyItems(accounts, labelOf) }]
  const parts: TrayMenuItem[] = []
  for (let start = 0; start < accounts.length; start += SUBMENU_LIMIT) {
    const part = accounts.slice(start, start + SUBMENU_LIMIT)
    parts.push({ kind: 'submenu', label: `${title} · ${nameRange(part)}`, items: copyItems(part, labelOf) })
  }
  return parts
}

/** What tells an account apart within its kind: for Amazon kinds the short name is the same for all, so the line under it. */
const rangeName = (a: AccountSummary) => (a.kind === 'other' ? shortName(a) : nameDetail(a) || shortName(a))

function nameRange(part: readonly AccountSummary[]): string {
  const end = (a: AccountSummary) => escapeMnemonics(isolateRtl(truncate(oneLine(rangeName(a)), MAX_RANGE_END)))
  const first = end(part[0]!)
  const last = end(part.at(-1)!)
  return part.length === 1 || first === last ? first : `${first} – ${last}`
}
