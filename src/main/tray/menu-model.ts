import type { ClockCondition } from '../../shared/clock-condition'
import type { AccountKind, AccountSummary, KeychainState, TrayActionItem, TrayCopyItem, TrayMenu, TrayMenuItem } from '../../shared/contract'
import { KIND_LABELS, sectionAccounts, type GroupSection, type KindSection } from './account-sections'
import { accountLabel, escapeMnemonics, oneLine, truncate } from './menu-label'

/** The clock as the one shared mapping words it (`clockCondition`): the tray adds nothing of its own. */
export type TrayClockInput = Pick<ClockCondition, 'tone' | 'short' | 'codesShort'>

export type TrayMenuInput = Readonly<{
  accounts: readonly AccountSummary[]
  /** Secrets can be read (the keychain is ready and loaded): copy items make sense. */
  codesAvailable: boolean
  clock: TrayClockInput
  keychainState: KeychainState
  /** Automatic backups, when they need attention (`backupTrayLine`): a line, and with `warning` the warning icon. */
  backup?: Readonly<{ line: string; warning: boolean }> | null
  platform: NodeJS.Platform
  /** SellerGuard's own app lock is locked: the menu offers nothing but unlocking. */
  appLocked?: boolean
}>

/** Up to this many accounts are listed directly in the menu; more go into submenus per group and kind. */
export const FLAT_LIMIT = 15

/** Copy items per submenu; a larger kind is split into numbered parts ("Seller Central 1–15"). */
export const SUBMENU_LIMIT = 15

/** Windows keeps a tray tooltip in a 128-character buffer (NOTIFYICONDATA.szTip), NUL included. */
const WINDOWS_TOOLTIP_MAX = 127

/** Group names in headings and submenu titles, in graphemes. */
const MAX_GROUP_LABEL = 32

/** An item a click can reach, found by its `id`. */
export type TrayClickable = TrayCopyItem | TrayActionItem

const copyItemId = (accountId: string): TrayCopyItem['id'] => `copy:${accountId}`

const SEPARATOR: TrayMenuItem = { kind: 'separator' }
const status = (label: string): TrayMenuItem => ({ kind: 'status', label, enabled: false })
const retryKeychain: TrayMenuItem = { kind: 'action', id: 'retry-keychain', label: 'Retry keychain' }

/**
 * The tray menu for the current state, as data (the contract's `TrayMenu`). Pure:
 * the same input always gives the same menu, so `shouldRebuild` can tell
 * when the native menu must be rebuilt.
 *
 * Layout, top to bottom: the accounts (or why codes are unavailable), the
 * clock line with "Check clock now", then "Open SellerGuard" and "Quit".
 * Labels never contain a code: the code is computed when the item is
 * clicked, so a menu left open can never offer a stale one. While the app
 * lock is locked, the menu is only "Unlock SellerGuard…".
 */
export function buildTrayMenu(input: TrayMenuInput): TrayMenu {
  // Locked: no account names, no codes, no clock — one way in, through the unlock screen.
  if (input.appLocked) return { icon: 'normal', tooltip: 'SellerGuard — locked', items: [{ kind: 'action', id: 'unlock', label: 'Unlock SellerGuard…' }] }
  const items: TrayMenuItem[] = [
    ...accountItems(input),
    SEPARATOR,
    status(clockLine(input.clock)),
    { kind: 'action', id: 'check-clock', label: 'Check clock now' },
    ...(input.backup ? [status(escapeMnemonics(input.backup.line))] : []),
    SEPARATOR,
    { kind: 'action', id: 'open', label: 'Open SellerGuard' },
    { kind: 'action', id: 'quit', label: 'Quit' },
  ]
  return { icon: iconFor(input), tooltip: tooltipFor(input), items }
}

function accountItems(input: TrayMenuInput): TrayMenuItem[] {
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
  const groups = sectionAccounts(input.accounts)
  const total = groups.reduce((n, g) => n + g.count, 0)
  if (total === 0) return [status('No accounts yet')]
  return [status('Click an account to copy its code'), ...(total <= FLAT_LIMIT ? flatLayout(groups) : submenuLayout(groups))]
}

type Section = Readonly<{ title: string; accounts: readonly AccountSummary[] }>

const groupName = (group: string) => escapeMnemonics(truncate(oneLine(group), MAX_GROUP_LABEL))
const kindName = (kind: AccountKind) => KIND_LABELS[kind]

function copyItems(accounts: readonly AccountSummary[]): TrayMenuItem[] {
  return accounts.map((a) => ({ kind: 'copy', id: copyItemId(a.id), accountId: a.id, label: escapeMnemonics(accountLabel(a.issuer, a.label)) }))
}

/** Sections one after another; with more than one, each gets a heading, and separators between them. */
function sectionList(sections: readonly Section[]): TrayMenuItem[] {
  if (sections.length === 1) return copyItems(sections[0]!.accounts)
  return sections.flatMap((s, i) => [...(i > 0 ? [SEPARATOR] : []), status(s.title), ...copyItems(s.accounts)])
}

/** Few accounts: everything at the top level, headed like the main window ("Shop A · KDP"). */
function flatLayout(groups: readonly GroupSection[]): TrayMenuItem[] {
  return sectionList(
    groups.flatMap((g) => g.kinds.map((k) => ({ title: g.group ? `${groupName(g.group)} · ${kindName(k.kind)}` : kindName(k.kind), accounts: k.accounts }))),
  )
}

/**
 * Many accounts: ungrouped kinds become top-level submenus ("Seller
 * Central"), each group one submenu. Inside a group the same rule applies
 * again: a small group lists its accounts directly, a large one has a
 * submenu per kind. Long kinds are split so no submenu holds more than
 * `SUBMENU_LIMIT` accounts.
 */
function submenuLayout(groups: readonly GroupSection[]): TrayMenuItem[] {
  return groups.flatMap((g) => {
    if (!g.group) return g.kinds.flatMap(kindSubmenus)
    const items = g.count <= FLAT_LIMIT ? sectionList(g.kinds.map((k) => ({ title: kindName(k.kind), accounts: k.accounts }))) : g.kinds.flatMap(kindSubmenus)
    return [{ kind: 'submenu', label: groupName(g.group), items }]
  })
}

function kindSubmenus(section: KindSection): TrayMenuItem[] {
  const { accounts } = section
  const title = kindName(section.kind)
  if (accounts.length <= SUBMENU_LIMIT) return [{ kind: 'submenu', label: title, items: copyItems(accounts) }]
  const parts: TrayMenuItem[] = []
  for (let start = 0; start < accounts.length; start += SUBMENU_LIMIT) {
    const part = accounts.slice(start, start + SUBMENU_LIMIT)
    parts.push({ kind: 'submenu', label: `${title} ${start + 1}–${start + part.length}`, items: copyItems(part) })
  }
  return parts
}

const clockIsOff = (clock: TrayClockInput) => clock.tone === 'warn' || clock.tone === 'critical'

/**
 * The clock in one line, in the shared words: "Clock in sync", "Clock not
 * checked (offline?)" (never an alarm), "Clock 37 s ahead — codes use
 * corrected time".
 */
export function clockLine(clock: TrayClockInput): string {
  return clock.codesShort === null ? clock.short : `${clock.short} — ${clock.codesShort}`
}

function iconFor(input: TrayMenuInput): TrayMenu['icon'] {
  const keychainOff = input.keychainState === 'locked' || input.keychainState === 'unavailable' || input.keychainState === 'not-answering'
  return clockIsOff(input.clock) || keychainOff || input.backup?.warning ? 'warning' : 'normal'
}

function tooltipFor(input: TrayMenuInput): string {
  const problems: string[] = []
  if (clockIsOff(input.clock)) problems.push(input.clock.short)
  if (input.keychainState === 'locked') problems.push('keychain locked')
  if (input.keychainState === 'unavailable') problems.push('keychain not available')
  if (input.keychainState === 'not-answering') problems.push('keychain not answering')
  if (input.backup?.warning) problems.push(input.backup.line.toLowerCase())
  const tooltip = problems.length > 0 ? `SellerGuard — ${problems.join(', ')}` : 'SellerGuard'
  return input.platform === 'win32' ? truncate(tooltip, WINDOWS_TOOLTIP_MAX) : tooltip
}

/** Every item, depth first (submenus before their contents). */
export function* walkMenu(items: readonly TrayMenuItem[]): Generator<TrayMenuItem> {
  for (const item of items) {
    yield item
    if (item.kind === 'submenu') yield* walkMenu(item.items)
  }
}

/** The copy or action item with this id, wherever it sits; null when the menu has none. */
export function findMenuItem(menu: TrayMenu, id: string): TrayClickable | null {
  for (const item of walkMenu(menu.items)) {
    if ((item.kind === 'copy' || item.kind === 'action') && item.id === id) return item
  }
  return null
}
