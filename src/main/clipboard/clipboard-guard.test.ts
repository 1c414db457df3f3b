import { describe, expect, it } from 'vitest'
import { createClipboardGuard, createMemoryClipboard } from './clipboard-guard'

function setup() {
  const clipboard = createMemoryClipboard()
  let now = 1_000_000
  const timers = new Map<number, { at: number; fn: () => void }>()
  let nextHandle = 1
  const guard = createClipboardGuard({
    clipboard,
    now: () => now,
    setTimer: (fn, ms) => (timers.set(nextHandle, { at: now + ms, fn }), nextHandle++),
    clearTimer: (h) => timers.delete(h as number),
  })
  const advance = async (ms: number) => {
    now += ms
    for (const [h, t] of [...timers]) {
      if (t.at > now) continue
      timers.delete(h)
      t.fn()
    }
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { clipboard, guard, advance, timers }
}

describe('clipboard clearing', () => {
  it('copies and clears after the delay', async () => {
    const { clipboard, guard, advance } = setup()
    expect(await guard.copy('123456', 30)).toBe(1_000_000 + 30_000)
    expect(clipboard.text).toBe('123456')
    await advance(29_999)
    expect(clipboard.text).toBe('123456')
    await advance(1)
    expect(clipboard.text).toBe('')
  })

  it('never wipes something the user copied since', async () => {
    const { clipboard, guard, advance } = setup()
    await guard.copy('123456', 30)
    await clipboard.writeText('my bank account number')
    await advance(30_000)
    expect(clipboard.text).toBe('my bank account number')
  })

  it('a newer copy takes over: the older timer cannot clear the newer code early', async () => {
    const { clipboard, guard, advance, timers } = setup()
    await guard.copy('111111', 30)
    await advance(20_000)
    await guard.copy('222222', 30)
    expect(timers.size).toBe(1)
    await advance(10_000)
    expect(clipboard.text).toBe('222222')
    await advance(20_000)
    expect(clipboard.text).toBe('')
  })

  it('a delay of 0 means never clear', async () => {
    const { clipboard, guard, advance, timers } = setup()
    expect(await guard.copy('123456', 0)).toBeNull()
    await advance(3_600_000)
    expect(clipboard.text).toBe('123456')
    expect(timers.size).toBe(0)
  })
})
