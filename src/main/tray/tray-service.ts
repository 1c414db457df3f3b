import { clockCondition } from '../../shared/clock-condition'
import type { ApiError, ClockStatus, CopyResult, TrayActivation, TrayMenu } from '../../shared/contract'
import type { Result } from '../../shared/result'
import type { Vault } from '../vault/vault'
import { createClockNotifier, type ClockNotice } from './clock-notify'
import { buildTrayMenu } from './menu-model'
import { createTrayController, trayChanges } from './tray-controller'

export type TrayServiceDeps = Readonly<{
  vault: Vault
  clockStatus: () => ClockStatus
  /** System clock, ms: for the ages in the clock's words. */
  now: () => number
  platform: NodeJS.Platform
  copyCode: (accountId: string) => Promise<Result<CopyResult, ApiError>>
  checkClock: () => Promise<unknown>
  openWindow: () => void
  quit: () => void
}>

export interface TrayService {
  menu(): TrayMenu
  activate(id: string): Promise<TrayActivation>
  /** Recompute the menu (accounts, keychain or clock changed). Listeners hear only real changes. */
  refresh(): void
  /** Called when the menu's items, icon or tooltip changed: the Electron tray re-renders. */
  onMenu(listener: (menu: TrayMenu) => void): () => void
  /** Called once per change of the clock for the worse: a desktop notification. */
  onNotice(listener: (notice: ClockNotice) => void): () => void
}

/** The tray without Electron: the menu as data, its clicks, and when to notify. */
export function createTrayService(deps: TrayServiceDeps): TrayService {
  const controller = createTrayController({
    copyCode: deps.copyCode,
    checkClock: deps.checkClock,
    openWindow: deps.openWindow,
    quit: deps.quit,
    retryKeychain: () => deps.vault.retry(),
  })
  const notifier = createClockNotifier()
  const menuListeners = new Set<(menu: TrayMenu) => void>()
  const noticeListeners = new Set<(notice: ClockNotice) => void>()

  function build(): TrayMenu {
    const status = deps.vault.status()
    const clock = deps.clockStatus()
    return buildTrayMenu({
      accounts: deps.vault.accounts(),
      codesAvailable: status.state === 'ready',
      clock: clockCondition(clock, deps.now()),
      keychainState: status.state,
      platform: deps.platform,
    })
  }

  return {
    menu: () => controller.current() ?? build(),
    activate: (id) => {
      if (!controller.current()) controller.update(build())
      return controller.activate(id)
    },
    refresh() {
      const next = build()
      const changes = trayChanges(controller.current(), next)
      controller.update(next)
      if (changes.menu || changes.icon || changes.tooltip) for (const listener of menuListeners) listener(next)
      const clock = deps.clockStatus()
      if (!clock.checking) {
        const notice = notifier.update({ state: clock.state, condition: clockCondition(clock, deps.now()) })
        if (notice) for (const listener of noticeListeners) listener(notice)
      }
    },
    onMenu(listener) {
      menuListeners.add(listener)
      return () => menuListeners.delete(listener)
    },
    onNotice(listener) {
      noticeListeners.add(listener)
      return () => noticeListeners.delete(listener)
    },
  }
}
