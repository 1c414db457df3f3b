import type { ApiError, CopyResult, TrayActionId, TrayActivation, TrayMenu, TrayMenuItem } from '../../shared/contract'
import type { Result } from '../../shared/result'
import { findMenuItem } from './menu-model'

export type TrayControllerDeps = Readonly<{
  /** Computes the code now and copies it (the contract's `clipboard.copyCode`). */
  copyCode: (accountId: string) => Promise<Result<CopyResult, ApiError>>
  checkClock: () => Promise<unknown>
  openWindow: () => void | Promise<void>
  quit: () => void
  retryKeychain: () => Promise<unknown>
}>

export interface TrayController {
  /** Records the menu now wanted. Returns true when the native menu must be rebuilt (its items changed). */
  update(menu: TrayMenu): boolean
  current(): TrayMenu | null
  /** Runs the item's action. Never rejects. */
  activate(id: string): Promise<TrayActivation>
}

/**
 * The tray's behaviour without Electron: which function an item id runs,
 * and when the native menu must be rebuilt. `src/main/electron/tray.ts`
 * only renders `current()` and forwards clicks here.
 */
export function createTrayController(deps: TrayControllerDeps): TrayController {
  let shown: TrayMenu | null = null

  async function run(id: TrayActionId): Promise<void> {
    switch (id) {
      case 'check-clock':
        await deps.checkClock()
        return
      // The window's codes screen says which keys are missing and offers to restore them; while locked, it shows the unlock screen.
      case 'open-missing-keys':
      case 'open':
      case 'unlock':
        await deps.openWindow()
        return
      case 'quit':
        deps.quit()
        return
      case 'retry-keychain':
        await deps.retryKeychain()
        return
    }
  }

  return {
    update(menu) {
      const rebuild = shouldRebuild(shown, menu)
      shown = menu
      return rebuild
    },
    current: () => shown,
    async activate(id) {
      // Only ids in the menu on screen: a stale click must not copy the code of an account the user just removed.
      const item = shown === null ? null : findMenuItem(shown, id)
      if (item === null) return { kind: 'not-in-menu', id }
      try {
        if (item.kind === 'copy') {
          const copied = await deps.copyCode(item.accountId)
          return copied.ok
            ? { kind: 'copied', accountId: item.accountId, clearAt: copied.value.clearAt, which: copied.value.which }
            : { kind: 'copy-failed', accountId: item.accountId, error: copied.error }
        }
        await run(item.id)
        return { kind: 'done', id: item.id }
      } catch (e) {
        return { kind: 'failed', id, message: e instanceof Error ? e.message : String(e) }
      }
    },
  }
}

/**
 * True when the menu's items differ (labels, order, structure). On Linux,
 * Electron's Tray docs say changes to individual MenuItems take effect only
 * after `setContextMenu` is called again, so the adapter never patches
 * items: any change means a new menu, and an unchanged description means
 * no rebuild at all (the clock is re-checked often; most checks change
 * nothing the menu shows). Icon and tooltip are not items: see
 * `trayChanges`.
 */
export function shouldRebuild(prev: TrayMenu | null, next: TrayMenu): boolean {
  return prev === null || !sameItems(prev.items, next.items)
}

/** What to update on the native tray: the menu, the icon image, the tooltip. */
export function trayChanges(prev: TrayMenu | null, next: TrayMenu): Readonly<{ menu: boolean; icon: boolean; tooltip: boolean }> {
  return { menu: shouldRebuild(prev, next), icon: prev?.icon !== next.icon, tooltip: prev?.tooltip !== next.tooltip }
}

function sameItems(a: readonly TrayMenuItem[], b: readonly TrayMenuItem[]): boolean {
  return a.length === b.length && a.every((item, i) => sameItem(item, b[i]!))
}

function sameItem(a: TrayMenuItem, b: TrayMenuItem): boolean {
  switch (a.kind) {
    case 'separator':
      return b.kind === 'separator'
    case 'status':
      return b.kind === 'status' && a.label === b.label
    case 'action':
      return b.kind === 'action' && a.id === b.id && a.label === b.label
    case 'copy':
      return b.kind === 'copy' && a.id === b.id && a.accountId === b.accountId && a.label === b.label
    case 'submenu':
      return b.kind === 'submenu' && a.label === b.label && sameItems(a.items, b.items)
  }
}
