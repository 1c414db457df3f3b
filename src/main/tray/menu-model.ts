import type { ClockCondition } from '../../shared/clock-condition'
import type { TrayActionItem, TrayCopyItem, TrayMenu, TrayMenuItem } from '../../shared/contract'
import { SEPARATOR, accountItems, status, type TrayAccountsInput } from './account-items'
import { escapeMnemonics, truncate } from './menu-label'

/** The clock as the one shared mapping words it (`clockCondition`): the tray adds nothing of its own. */
export type TrayClockInput = Pick<ClockCondition, 'tone' | 'short' | 'codesShort'>

export type TrayMenuInput = TrayAccountsInput &
  Readonly<{
    clock: TrayClockInput
    /** Automatic backups, when they need attention (`backupTrayLine`): a line, and with `warning` the warning icon. */
    backup?: Readonly<{ line: string; warning: boolean }> | null
    platform: NodeJS.Platform
    /** SellerGuard's own app lock is locked: the menu offers nothing but unlocking. */
    appLocked?: boolean
  }>

export { FLAT_LIMIT, SUBMENU_LIMIT } from './account-items'

/** Windows keeps a tray tooltip in a 128-character buffer (NOTIFYICONDATA.szTip), NUL included. */
const WINDOWS_TOOLTIP_MAX = 127

/** An item a click can reach, found by its `id`. */
export type TrayClickable = TrayCopyItem | TrayActionItem

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

const clockIsOff = (clock: TrayClockInput) => clock.tone === 'warn' || clock.tone === 'critical'

/**
 * The clock in one line, in the shared words: "Clock in sync", "Clock not
 * checked (offline?)" (never an alarm), "Clock 37 s ahead — codes use
 * corrected time".
 */
export function clockLine(clock: TrayClockInput): string {
  return clock.codesShort === null ? clock.short : `${clock.short} — ${clock.codesShort}`
}

/** Accounts listed whose key is missing (the warning counts only accounts that exist). */
const missingCount = (input: TrayMenuInput) => {
  const missing = new Set(input.missingKeyIds ?? [])
  return input.keychainState === 'ready' && input.codesAvailable ? input.accounts.filter((a) => missing.has(a.id)).length : 0
}

function iconFor(input: TrayMenuInput): TrayMenu['icon'] {
  const keychainOff = input.keychainState === 'locked' || input.keychainState === 'unavailable' || input.keychainState === 'not-answering'
  return clockIsOff(input.clock) || keychainOff || input.backup?.warning || missingCount(input) > 0 ? 'warning' : 'normal'
}

function tooltipFor(input: TrayMenuInput): string {
  const problems: string[] = []
  if (clockIsOff(input.clock)) problems.push(input.clock.short)
  if (input.keychainState === 'locked') problems.push('keychain locked')
  if (input.keychainState === 'unavailable') problems.push('keychain not available')
  if (input.keychainState === 'not-answering') problems.push('keychain not answering')
  if (input.backup?.warning) problems.push(input.backup.line.toLowerCase())
  const missing = missingCount(input)
  if (missing > 0) problems.push(missing === 1 ? '1 key missing' : `${missing} keys missing`)
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
