import { describe, expect, it } from 'vitest'
import { createClipboardGuard, createMemoryClipboard, type ClipboardPort } from './clipboard-guard'

function setup(clipboard: ReturnType<typeof createMemoryClipboard> & ClipboardPort = createMemoryClipboard()) {
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
    await new Promise((resolve) => setTimeout(resolve, 0))
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

  it('clearNow (the app locked) clears the copied code at once, never what the user copied since', async () => {
    const { clipboard, guard, timers } = setup()
    await guard.copy('123456', 0)
    await guard.clearNow()
    expect(clipboard.text).toBe('')
    await guard.copy('654321', 30)
    await clipboard.writeText('my own text')
    await guard.clearNow()
    expect(clipboard.text).toBe('my own text')
    expect(timers.size).toBe(0)
    // Nothing is remembered after it: a later clearNow does not touch a new copy by the user of the same digits.
    await clipboard.writeText('654321')
    await guard.clearNow()
    expect(clipboard.text).toBe('654321')
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

  // A browser's clipboard (web mode's page): it may refuse the write, or not let the page read it back.
  it('promises no clearing when the clipboard cannot be read back, and never clears blind', async () => {
    const { clipboard, guard, advance, timers } = setup(Object.assign(createMemoryClipboard(), { canReadBack: async () => false }))
    expect(await guard.copy('123456', 30)).toBeNull()
    expect(timers.size).toBe(0)
    await advance(60_000)
    expect(clipboard.text).toBe('123456')
  })

  it('rejects a refused write, so nobody claims a copy that did not happen', async () => {
    const refusing = Object.assign(createMemoryClipboard(), { writeText: () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')) })
    const { guard, timers } = setup(refusing)
    await expect(guard.copy('123456', 30)).rejects.toThrow('Document is not focused.')
    expect(timers.size).toBe(0)
  })

  it('leaves the clipboard alone when reading it back fails at clearing time', async () => {
    const board = createMemoryClipboard()
    const read = board.readText
    let readable = true
    const { guard, advance } = setup(Object.assign(board, { readText: () => (readable ? read() : Promise.reject(new Error('denied'))) }))
    await guard.copy('123456', 30)
    readable = false
    await advance(30_000)
    expect(board.text).toBe('123456')
  })

  it('a copy still asking whether it can read back does not arm a timer over a newer copy', async () => {
    let answer: (yes: boolean) => void = () => {}
    const slow = Object.assign(createMemoryClipboard(), { canReadBack: () => new Promise<boolean>((resolve) => (answer = resolve)) })
    const { guard, timers } = setup(slow)
    const first = guard.copy('111111', 30)
    await new Promise((resolve) => setTimeout(resolve, 0))
    const firstAnswer = answer
    const second = guard.copy('222222', 30)
    await new Promise((resolve) => setTimeout(resolve, 0))
    answer(true)
    firstAnswer(true)
    expect(await first).toBeNull()
    expect(await second).not.toBeNull()
    expect(timers.size).toBe(1)
  })
})
