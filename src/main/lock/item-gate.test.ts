import { describe, expect, it } from 'vitest'
import { createItemGate } from './item-gate'

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('item gate', () => {
  it('an exclusive task waits for shared calls in flight, and holds new ones back until it is done', async () => {
    const gate = createItemGate()
    const order: string[] = []
    let release!: () => void
    const first = gate.shared(() => new Promise<void>((resolve) => (release = () => (order.push('shared 1 done'), resolve()))))
    const exclusive = gate.exclusive(async () => {
      order.push('exclusive runs')
      await tick()
      order.push('exclusive done')
    })
    await tick()
    const second = gate.shared(async () => void order.push('shared 2 runs'))
    await tick()
    expect(order).toEqual([])
    release()
    await Promise.all([first, exclusive, second])
    expect(order).toEqual(['shared 1 done', 'exclusive runs', 'exclusive done', 'shared 2 runs'])
  })

  it('shared calls run side by side; a failing exclusive task does not close the gate', async () => {
    const gate = createItemGate()
    let running = 0
    let most = 0
    const call = () => gate.shared(async () => (running++, (most = Math.max(most, running)), await tick(), running--))
    await Promise.all([call(), call(), call()])
    expect(most).toBe(3)
    await expect(gate.exclusive(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await gate.shared(async () => 'open')).toBe('open')
  })
})
