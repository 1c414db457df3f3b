import { describe, expect, it } from 'vitest'
import { testAccount } from '../../../test/helpers/accounts'
import { clockAt } from '../../../test/helpers/clock-status'
import { clockCondition } from '../../shared/clock-condition'
import type { AccountSummary, TrayMenu } from '../../shared/contract'
import { ok } from '../../shared/result'
import { SLICE_ITEMS } from '../core/slices'
import { buildTrayMenu } from './menu-model'
import { createTrayService, type TrayServiceDeps } from './tray-service'

const NOW = Date.UTC(2026, 11, 1, 12)

function trayOver(list: () => readonly AccountSummary[]) {
  const deps: TrayServiceDeps = {
    accounts: list,
    keychainState: () => 'ready',
    missingKeyIds: () => [],
    sort: () => 'manual',
    retryKeychain: async () => undefined,
    clockStatus: () => clockAt(NOW - 1000, 30),
    now: () => NOW,
    platform: 'linux',
    copyCode: async () => ok({ which: 'current', expiresInMs: 10_000 }) as never,
    checkClock: async () => undefined,
    openWindow: () => undefined,
    quit: () => undefined,
  }
  const tray = createTrayService(deps)
  const menus: TrayMenu[] = []
  tray.onChange((menu) => menus.push(menu))
  // What the menu must be: the pure model over the same state.
  const expected = () => buildTrayMenu({ accounts: list(), sort: 'manual', missingKeyIds: [], codesAvailable: true, clock: clockCondition(deps.clockStatus(), NOW), keychainState: 'ready', backup: null, platform: 'linux' })
  return { tray, menus, expected }
}

/** Turns of the event loop until `done`, at most `max`. */
const turnsUntil = async (done: () => boolean, max: number) => {
  for (let i = 0; i < max && !done(); i++) await new Promise((resolve) => setImmediate(resolve))
}

describe('tray refresh', () => {
  it('1,000 new accounts: their labels are made a slice per turn, then the menu is built once, the same as the model', async () => {
    let accounts = [testAccount(0)]
    const { tray, menus, expected } = trayOver(() => accounts)
    tray.refresh()
    expect(menus).toHaveLength(1)
    accounts = [...accounts, ...Array.from({ length: 1000 }, (_, i) => testAccount(i + 1, { kind: i % 3 === 0 ? 'other' : 'seller-central', issuer: i % 3 === 0 ? `Shop & Co ${i}` : 'Amazon' }))]
    tray.refresh()
    // Nothing rebuilt in the refresh's own task: a code frame due now is not kept waiting behind 1,000 labels.
    expect(menus).toHaveLength(1)
    await turnsUntil(() => menus.length > 1, 10 * (1000 / SLICE_ITEMS))
    expect(menus).toHaveLength(2)
    expect(menus[1]!.items).toEqual(expected().items)
    expect(tray.menu().items).toEqual(expected().items)
  })

  it('a few changes rebuild at once; a renamed account gets its new label, and an unchanged refresh tells no one', () => {
    let accounts = Array.from({ length: 40 }, (_, i) => testAccount(i, { kind: 'other', issuer: `Shop ${i}` }))
    const { tray, menus, expected } = trayOver(() => accounts)
    tray.menu()
    tray.refresh()
    expect(menus).toHaveLength(1)
    tray.refresh()
    expect(menus).toHaveLength(1)
    accounts = accounts.map((a, i) => (i === 5 ? { ...a, issuer: 'Renamed & Sons' } : a))
    tray.refresh()
    expect(menus).toHaveLength(2)
    expect(menus[1]!.items).toEqual(expected().items)
    expect(JSON.stringify(menus[1]!.items)).toContain('Renamed && Sons')
  })
})
