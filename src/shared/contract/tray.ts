import { z } from 'zod'
import { method } from './define'
import { ApiError } from './errors'

/*
 * The tray menu as data: JSON only (no functions, no Electron objects), so
 * main builds and tests it in plain Node, compares it to decide whether the
 * native menu needs rebuilding, and logs it. `src/main/electron/tray.ts`
 * turns it into an Electron `Menu`, wiring every `id` to the tray's
 * `activate(id)`.
 */

/** Fixed actions; their ids never collide with `copy:` ids. */
export const TrayActionId = z.enum(['check-clock', 'open', 'quit', 'retry-keychain', 'unlock', 'open-missing-keys'])
export type TrayActionId = z.infer<typeof TrayActionId>

/** A click copies the account's code, computed at that moment in main: the label never holds a code, so it is never stale. */
export const TrayCopyItem = z.object({ kind: z.literal('copy'), id: z.templateLiteral(['copy:', z.string()]), accountId: z.string(), label: z.string() })
export type TrayCopyItem = z.infer<typeof TrayCopyItem>

export const TrayActionItem = z.object({ kind: z.literal('action'), id: TrayActionId, label: z.string() })
export type TrayActionItem = z.infer<typeof TrayActionItem>

/** Labels are already escaped for Electron (`&&` for a literal `&`). */
export const TrayMenuItem = z.discriminatedUnion('kind', [
  TrayCopyItem,
  TrayActionItem,
  /** A line of text the user cannot click (a heading, or the clock or keychain state). */
  z.object({ kind: z.literal('status'), label: z.string(), enabled: z.literal(false) }),
  z.object({
    kind: z.literal('submenu'),
    label: z.string(),
    get items() {
      return z.array(TrayMenuItem)
    },
  }),
  z.object({ kind: z.literal('separator') }),
])
export type TrayMenuItem = z.infer<typeof TrayMenuItem>

/** The tray menu as data (labels never contain codes: a click computes the code then). */
export const TrayMenu = z.object({
  /** `warning` while the clock is off (warn/critical) or the keychain is locked or unavailable. */
  icon: z.enum(['normal', 'warning']),
  /** Hover text of the tray icon; plain text (no mnemonic escaping). */
  tooltip: z.string(),
  items: z.array(TrayMenuItem),
})
export type TrayMenu = z.infer<typeof TrayMenu>

/** What a click did, for a notification or the log. Never carries the code itself: this value may be logged. */
export const TrayActivation = z.discriminatedUnion('kind', [
  /** `clearAt`: when the clipboard is cleared, ms since the epoch; null = never. */
  /** `which`: the next code when the current one was about to expire (the "copy the next code instead" setting). */
  z.object({ kind: z.literal('copied'), accountId: z.string(), clearAt: z.number().nullable(), which: z.enum(['current', 'next', 'expected']) }),
  z.object({ kind: z.literal('copy-failed'), accountId: z.string(), error: ApiError }),
  z.object({ kind: z.literal('done'), id: TrayActionId }),
  /** A dependency threw: a bug, reported instead of becoming an unhandled rejection in a click handler. */
  z.object({ kind: z.literal('failed'), id: z.string(), message: z.string() }),
  /** The id is not in the menu shown now (a click that raced a rebuild, e.g. for a removed account): nothing happened. */
  z.object({ kind: z.literal('not-in-menu'), id: z.string() }),
])
export type TrayActivation = z.infer<typeof TrayActivation>

export const trayMethods = {
  /** The menu the tray shows now (web mode has no tray: this lets its e2e check the menu). */
  menu: method(z.void(), TrayMenu),
  /** What clicking the item with this id does. */
  activate: method(z.object({ id: z.string().max(200) }).strict(), TrayActivation),
}
