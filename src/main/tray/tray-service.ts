import { shortName } from '../../shared/account-name'
import { clockCondition } from '../../shared/clock-condition'
import type { AccountSummary, ApiError, BackupStatus, ClockStatus, CopyResult, KeychainState, SortOrder, TrayActivation, TrayMenu } from '../../shared/contract'
import type { Result } from '../../shared/result'
import { createListeners, type OnChange } from '../core/listeners'
import { SLICE_ITEMS } from '../core/slices'
import { backupTrayLine } from './backup-line'
import { createClockNotifier, type ClockNotice } from './clock-notify'
import { createLabelCache } from './label-cache'
import { buildTrayMenu } from './menu-model'
import { createTrayController, trayChanges } from './tray-controller'

/** What the tray shows and does, as data and functions: it knows no service. */
export type TrayServiceDeps = Readonly<{
  /** In display order. */
  accounts: () => readonly AccountSummary[]
  keychainState: () => KeychainState
  /** SellerGuard's app lock is locked: the menu is only "Unlock SellerGuard…". */
  appLocked?: () => boolean
  /** Ids of accounts whose key is missing from the keychain: the tray warns instead of listing them. */
  missingKeyIds: () => readonly string[]
  /** The codes list's order (settings.sort): the menu follows it. */
  sort: () => SortOrder
  retryKeychain: () => Promise<unknown>
  clockStatus: () => ClockStatus
  /** System clock, ms: for the ages in the clock's words. */
  now: () => number
  platform: NodeJS.Platform
  copyCode: (accountId: string) => Promise<Result<CopyResult, ApiError>>
  checkClock: () => Promise<unknown>
  openWindow: () => void
  quit: () => void
  /** Automatic backups' state, for a warning line and icon when they fail. */
  backupStatus?: () => BackupStatus
}>

export interface TrayService {
  menu(): TrayMenu
  activate(id: string): Promise<TrayActivation>
  /** Recompute the menu (accounts, keychain or clock changed). Listeners hear only real changes. */
  refresh(): void
  /** Called when the menu's items, icon or tooltip changed: the Electron tray re-renders. */
  onChange: OnChange<[menu: TrayMenu]>
  /** Called once per change of the clock for the worse: a desktop notification. */
  onNotice: OnChange<[notice: ClockNotice]>
  /** Called when a tray click copied the next code instead of the current one: a notification says so, as the window's toast does. */
  onCopyNotice: OnChange<[notice: CopyNotice]>
}

export type CopyNotice = Readonly<{ title: string; body: string }>

/** The tray without Electron: the menu as data, its clicks, and when to notify. */
export function createTrayService(deps: TrayServiceDeps): TrayService {
  const controller = createTrayController({
    copyCode: deps.copyCode,
    checkClock: deps.checkClock,
    openWindow: deps.openWindow,
    quit: deps.quit,
    retryKeychain: deps.retryKeychain,
  })
  const notifier = createClockNotifier()
  const menus = createListeners<[TrayMenu]>()
  const notices = createListeners<[ClockNotice]>()
  const copyNotices = createListeners<[CopyNotice]>()
  const labels = createLabelCache()

  function build(): TrayMenu {
    const keychainState = deps.keychainState()
    const clock = deps.clockStatus()
    return buildTrayMenu({
      accounts: deps.accounts(),
      labelOf: labels.labelOf,
      sort: deps.sort(),
      missingKeyIds: deps.missingKeyIds(),
      codesAvailable: keychainState === 'ready',
      clock: clockCondition(clock, deps.now()),
      keychainState,
      backup: deps.backupStatus ? backupTrayLine(deps.backupStatus()) : null,
      platform: deps.platform,
      appLocked: deps.appLocked?.() ?? false,
    })
  }

  function rebuild(): void {
    const next = build()
    const changes = trayChanges(controller.current(), next)
    controller.update(next)
    if (changes.menu || changes.icon || changes.tooltip) menus.emit(next)
  }

  return {
    menu: () => controller.current() ?? build(),
    async activate(id) {
      if (!controller.current()) controller.update(build())
      const outcome = await controller.activate(id)
      const account = outcome.kind === 'copied' && outcome.which === 'next' ? deps.accounts().find((a) => a.id === outcome.accountId) : undefined
      if (account) copyNotices.emit({ title: `Copied the next code for ${shortName(account)}`, body: 'The current code was about to expire, so SellerGuard copied the one that follows it.' })
      return outcome
    },
    refresh() {
      // Many new accounts (an import): their labels are made in slices, then the menu is built from the state then.
      const missing = labels.missing(deps.accounts())
      if (missing.length > SLICE_ITEMS) void labels.fill(missing).then(rebuild)
      else rebuild()
      const clock = deps.clockStatus()
      if (!clock.checking) {
        const notice = notifier.update({ state: clock.state, condition: clockCondition(clock, deps.now()) })
        if (notice) notices.emit(notice)
      }
    },
    onChange: menus.onChange,
    onNotice: notices.onChange,
    onCopyNotice: copyNotices.onChange,
  }
}
