import { describe, expect, it } from 'vitest'
import { defaultSettings, type LockReason } from '../../shared/contract'
import { createAutoLock, type AutoLockSettings } from './auto-lock'

function setup(settings: Partial<AutoLockSettings> = {}) {
  let idle = 0
  let unlocked = true
  const locks: LockReason[] = []
  let tick: (() => void) | null = null
  const auto = createAutoLock({
    idleSeconds: () => idle,
    settings: () => ({ ...defaultSettings, ...settings }),
    unlocked: () => unlocked,
    lock: (reason) => void (locks.push(reason), (unlocked = false)),
    setTimer: (fn) => ((tick = fn), 1),
    clearTimer: () => void (tick = null),
  })
  auto.start()
  return { auto, locks, idle: (s: number) => void (idle = s), relock: () => void (unlocked = true), tick: () => tick?.() }
}

describe('auto-lock', () => {
  it('locks after the idle limit (default 5 minutes), read on each poll', () => {
    const t = setup()
    t.idle(299)
    t.tick()
    expect(t.locks).toEqual([])
    t.idle(300)
    t.tick()
    expect(t.locks).toEqual(['idle'])
    // Already locked: nothing more.
    t.tick()
    expect(t.locks).toEqual(['idle'])
  })

  it('0 minutes never locks on idle; stop() ends the polling', () => {
    const t = setup({ autoLockIdleMinutes: 0 })
    t.idle(1e9)
    t.tick()
    expect(t.locks).toEqual([])
    const u = setup({ autoLockIdleMinutes: 1 })
    u.auto.stop()
    u.idle(61)
    u.tick()
    expect(u.locks).toEqual([])
  })

  it('screen lock and suspend lock by default; hiding the window only when asked', () => {
    const t = setup()
    t.auto.systemEvent('hidden')
    expect(t.locks).toEqual([])
    t.auto.systemEvent('screen-lock')
    t.relock()
    t.auto.systemEvent('suspend')
    expect(t.locks).toEqual(['screen-lock', 'suspend'])

    const off = setup({ autoLockOnScreenLock: false, autoLockWhenHidden: true })
    off.auto.systemEvent('screen-lock')
    off.auto.systemEvent('suspend')
    expect(off.locks).toEqual([])
    off.auto.systemEvent('hidden')
    expect(off.locks).toEqual(['hidden'])
  })
})
