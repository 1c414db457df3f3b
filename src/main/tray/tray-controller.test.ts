import { describe, expect, it, vi } from 'vitest'
import { apiError } from '../../shared/contract'
import { err, ok } from '../../shared/result'
import { buildTrayMenu, type TrayMenuInput } from './menu-model'
import { createTrayController, shouldRebuild, trayChanges, type TrayControllerDeps } from './tray-controller'
import { testAccount } from '../../../test/helpers/accounts'
import { trayClock } from '../../../test/helpers/clock-status'

const input: TrayMenuInput = {
  accounts: [testAccount(1), testAccount(2)],
  codesAvailable: true,
  clock: trayClock({ state: 'ok', offsetMs: 0, checking: false }),
  keychainState: 'ready',
  platform: 'linux',
}

function fakeDeps(over: Partial<TrayControllerDeps> = {}) {
  return {
    copyCode: vi.fn(async () => ok({ code: '123456', clearAt: 1_000, which: 'current' as const, secondsLeft: 12 })),
    checkClock: vi.fn(async () => undefined),
    openWindow: vi.fn(),
    quit: vi.fn(),
    retryKeychain: vi.fn(async () => undefined),
    ...over,
  }
}

describe('tray controller: activate', () => {
  it('copies the code of the clicked account and reports when the clipboard clears, without the code', async () => {
    const deps = fakeDeps()
    const tray = createTrayController(deps)
    tray.update(buildTrayMenu(input))
    const outcome = await tray.activate('copy:account-0002')
    expect(deps.copyCode).toHaveBeenCalledWith('account-0002')
    expect(outcome).toEqual({ kind: 'copied', accountId: 'account-0002', clearAt: 1_000, which: 'current' })
    expect(JSON.stringify(outcome)).not.toContain('123456')
  })

  it('passes a copy error through as data', async () => {
    const error = apiError('keychain-locked', 'The keychain is locked.')
    const tray = createTrayController(fakeDeps({ copyCode: async () => err(error) }))
    tray.update(buildTrayMenu(input))
    expect(await tray.activate('copy:account-0001')).toEqual({ kind: 'copy-failed', accountId: 'account-0001', error })
  })

  it.each([
    ['check-clock', 'checkClock'],
    ['open', 'openWindow'],
    ['quit', 'quit'],
  ] as const)('%s calls %s', async (id, dep) => {
    const deps = fakeDeps()
    const tray = createTrayController(deps)
    tray.update(buildTrayMenu(input))
    expect(await tray.activate(id)).toEqual({ kind: 'done', id })
    expect(deps[dep]).toHaveBeenCalledTimes(1)
    expect(deps.copyCode).not.toHaveBeenCalled()
  })

  it('retry-keychain works only while the menu offers it', async () => {
    const deps = fakeDeps()
    const tray = createTrayController(deps)
    tray.update(buildTrayMenu(input))
    expect(await tray.activate('retry-keychain')).toEqual({ kind: 'not-in-menu', id: 'retry-keychain' })
    tray.update(buildTrayMenu({ ...input, keychainState: 'locked', codesAvailable: false }))
    expect(await tray.activate('retry-keychain')).toEqual({ kind: 'done', id: 'retry-keychain' })
    expect(deps.retryKeychain).toHaveBeenCalledTimes(1)
  })

  it('"Restore missing keys…" opens the window, whose codes screen offers the restore', async () => {
    const deps = fakeDeps()
    const tray = createTrayController(deps)
    tray.update(buildTrayMenu({ ...input, missingKeyIds: ['account-0001'] }))
    expect(await tray.activate('open-missing-keys')).toEqual({ kind: 'done', id: 'open-missing-keys' })
    expect(deps.openWindow).toHaveBeenCalledTimes(1)
  })

  it('ignores a click on an item that is no longer in the menu (a removed account)', async () => {
    const deps = fakeDeps()
    const tray = createTrayController(deps)
    tray.update(buildTrayMenu(input))
    tray.update(buildTrayMenu({ ...input, accounts: [testAccount(1)] }))
    expect(await tray.activate('copy:account-0002')).toEqual({ kind: 'not-in-menu', id: 'copy:account-0002' })
    expect(deps.copyCode).not.toHaveBeenCalled()
  })

  it('does nothing before a menu is shown, and for made-up ids', async () => {
    const deps = fakeDeps()
    const tray = createTrayController(deps)
    expect(await tray.activate('quit')).toEqual({ kind: 'not-in-menu', id: 'quit' })
    tray.update(buildTrayMenu(input))
    expect(await tray.activate('copy:')).toEqual({ kind: 'not-in-menu', id: 'copy:' })
    expect(deps.quit).not.toHaveBeenCalled()
  })

  it('never rejects: a throwing dependency is reported', async () => {
    const tray = createTrayController(
      fakeDeps({
        checkClock: async () => {
          throw new Error('boom')
        },
        copyCode: () => Promise.reject(new Error('kaput')),
      }),
    )
    tray.update(buildTrayMenu(input))
    expect(await tray.activate('check-clock')).toEqual({ kind: 'failed', id: 'check-clock', message: 'boom' })
    expect(await tray.activate('copy:account-0001')).toEqual({ kind: 'failed', id: 'copy:account-0001', message: 'kaput' })
  })
})

describe('tray controller: when to rebuild', () => {
  const menu = buildTrayMenu(input)

  it('rebuilds the first time and whenever items change', () => {
    expect(shouldRebuild(null, menu)).toBe(true)
    expect(shouldRebuild(menu, buildTrayMenu({ ...input, accounts: [testAccount(1, { label: 'renamed' }), testAccount(2)] }))).toBe(true)
    expect(shouldRebuild(menu, buildTrayMenu({ ...input, accounts: [testAccount(2), testAccount(1, { order: 5 })] }))).toBe(true)
    expect(shouldRebuild(menu, buildTrayMenu({ ...input, clock: trayClock({ state: 'unknown', offsetMs: null, checking: false }) }))).toBe(true)
    expect(shouldRebuild(menu, buildTrayMenu({ ...input, keychainState: 'locked' }))).toBe(true)
  })

  it('does not rebuild for an equal description, even a different object, nor for a clock that stays in sync', () => {
    expect(shouldRebuild(menu, JSON.parse(JSON.stringify(menu)))).toBe(false)
    expect(shouldRebuild(menu, buildTrayMenu({ ...input, clock: trayClock({ state: 'ok', offsetMs: 1800, checking: true }) }))).toBe(false)
  })

  it('tells menu, icon and tooltip changes apart', () => {
    const a = buildTrayMenu({ ...input, clock: trayClock({ state: 'critical', offsetMs: 90_000, checking: false }) })
    const b = buildTrayMenu({ ...input, clock: trayClock({ state: 'critical', offsetMs: 91_000, checking: false }) })
    expect(trayChanges(a, b)).toEqual({ menu: true, icon: false, tooltip: true })
    expect(trayChanges(menu, a)).toEqual({ menu: true, icon: true, tooltip: true })
    expect(trayChanges(null, menu)).toEqual({ menu: true, icon: true, tooltip: true })
    expect(trayChanges(a, a)).toEqual({ menu: false, icon: false, tooltip: false })
  })

  it('update() answers whether to rebuild', () => {
    const tray = createTrayController(fakeDeps())
    expect(tray.update(menu)).toBe(true)
    expect(tray.update(buildTrayMenu(input))).toBe(false)
    expect(tray.current()).toEqual(menu)
  })
})
