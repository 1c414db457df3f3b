/**
 * The tray menu as data: JSON only (no functions, no Electron objects), so
 * it can be built and tested in plain Node, compared to decide whether the
 * native menu needs rebuilding, and logged. `src/main/electron/tray.ts`
 * turns it into an Electron `Menu`, wiring every `id` to
 * `TrayController.activate(id)`.
 */

/** Fixed actions; their ids never collide with `copy:` ids. */
export type TrayActionId = 'check-clock' | 'open' | 'quit' | 'retry-keychain'

/** A click copies the account's code, computed at that moment in main: the label never holds a code, so it is never stale. */
export type TrayCopyItem = Readonly<{ kind: 'copy'; id: `copy:${string}`; accountId: string; label: string }>

export type TrayActionItem = Readonly<{ kind: 'action'; id: TrayActionId; label: string }>

/** A line of text the user cannot click (a heading, or the clock or keychain state). */
export type TrayStatusItem = Readonly<{ kind: 'status'; label: string; enabled: false }>

export type TraySubmenu = Readonly<{ kind: 'submenu'; label: string; items: readonly TrayMenuItem[] }>

export type TraySeparator = Readonly<{ kind: 'separator' }>

export type TrayMenuItem = TrayCopyItem | TrayActionItem | TrayStatusItem | TraySubmenu | TraySeparator

/** An item a click can reach, found by its `id`. */
export type TrayClickable = TrayCopyItem | TrayActionItem

export type TrayIcon = 'normal' | 'warning'

export type TrayMenu = Readonly<{
  /** `warning` while the clock is off (warn/critical) or the keychain is locked or unavailable. */
  icon: TrayIcon
  /** Hover text of the tray icon; plain text (no mnemonic escaping). */
  tooltip: string
  /** Labels are already escaped for Electron (`&&` for a literal `&`). */
  items: readonly TrayMenuItem[]
}>

export const copyItemId = (accountId: string): `copy:${string}` => `copy:${accountId}`
