import { z } from 'zod'
import { method } from './define'
import { ApiError } from './errors'

export type TrayMenuItemView =
  | { kind: 'copy'; id: string; accountId: string; label: string }
  | { kind: 'action'; id: 'check-clock' | 'open' | 'quit' | 'retry-keychain'; label: string }
  | { kind: 'status'; label: string; enabled: false }
  | { kind: 'submenu'; label: string; items: TrayMenuItemView[] }
  | { kind: 'separator' }

export const TrayMenuItemView: z.ZodType<TrayMenuItemView> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('copy'), id: z.string(), accountId: z.string(), label: z.string() }),
    z.object({ kind: z.literal('action'), id: z.enum(['check-clock', 'open', 'quit', 'retry-keychain']), label: z.string() }),
    z.object({ kind: z.literal('status'), label: z.string(), enabled: z.literal(false) }),
    z.object({ kind: z.literal('submenu'), label: z.string(), items: z.array(TrayMenuItemView) }),
    z.object({ kind: z.literal('separator') }),
  ]),
)

/** The tray menu as data (labels never contain codes: a click computes the code then). */
export const TrayMenuView = z.object({ icon: z.enum(['normal', 'warning']), tooltip: z.string(), items: z.array(TrayMenuItemView) })
export type TrayMenuView = z.infer<typeof TrayMenuView>

export const TrayActivation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('copied'), accountId: z.string(), clearAt: z.number().nullable() }),
  z.object({ kind: z.literal('copy-failed'), accountId: z.string(), error: ApiError }),
  z.object({ kind: z.literal('done'), id: z.string() }),
  z.object({ kind: z.literal('failed'), id: z.string(), message: z.string() }),
  z.object({ kind: z.literal('not-in-menu'), id: z.string() }),
])

export const trayMethods = {
  /** The menu the tray shows now (web mode has no tray: this lets its e2e check the menu). */
  menu: method(z.void(), TrayMenuView),
  /** What clicking the item with this id does. */
  activate: method(z.object({ id: z.string().max(200) }).strict(), TrayActivation),
}

export const trayEvents = {
  menu: TrayMenuView,
}
