import { describe, expect, it, vi } from 'vitest'
import { defaultSettings } from '../../shared/contract'
import { createEventBus } from './events'
import { createMemoryLogger } from './log'
import { mapInSlices, SLICE_ITEMS } from './slices'
import { testAccount } from '../../../test/helpers/accounts'

describe('event bus: pushed events keep to the contract, as replies do', () => {
  it('sends a valid payload, without fields the contract does not declare', () => {
    const bus = createEventBus(createMemoryLogger())
    const sent: unknown[] = []
    bus.subscribe((_name, payload) => sent.push(payload))
    bus.emit('settings.changed', { ...defaultSettings, secret: 'JBSWY3DPEHPK3PXP' } as never)
    expect(sent).toEqual([defaultSettings])
  })

  it('drops a payload that breaks its schema, and logs it', () => {
    const log = createMemoryLogger()
    const bus = createEventBus(log)
    const sent: unknown[] = []
    bus.subscribe((name, payload) => sent.push([name, payload]))
    bus.emit('settings.changed', { ...defaultSettings, theme: 'purple' } as never)
    bus.emit('codes.frames', { frames: [{ accountId: 'acc_12345678', code: 'not a code', nextCode: null, periodStart: 0, period: 30 }], correctionMs: 0, seq: 1 })
    expect(sent).toEqual([])
    expect(log.lines.filter((l) => l.startsWith('error event'))).toHaveLength(2)
  })

  it('checks a long payload in slices: still stripped; one name keeps its order, other names are not held behind it', async () => {
    const bus = createEventBus(createMemoryLogger())
    const sent: Array<[string, unknown]> = []
    bus.subscribe((name, payload) => sent.push([name, payload]))
    const account = (i: number) => testAccount(i, { id: `acc_${String(i).padStart(8, '0')}`, issuer: 'Shop', kind: 'other' })
    const many = Array.from({ length: SLICE_ITEMS * 3 }, (_, i) => ({ ...account(i), secret: 'JBSWY3DPEHPK3PXP' }))
    const fewer = many.slice(0, 2).map(({ secret: _secret, ...a }) => a)
    bus.emit('accounts.changed', many)
    bus.emit('accounts.changed', fewer)
    bus.emit('settings.changed', defaultSettings)
    // Another name's short event goes out at once, before the long one is checked.
    expect(sent.map(([name]) => name)).toEqual(['settings.changed'])
    await vi.waitFor(() => expect(sent).toHaveLength(3))
    // The same name's events in the order they were emitted: the short one waited behind the long one.
    expect(sent.map(([name]) => name)).toEqual(['settings.changed', 'accounts.changed', 'accounts.changed'])
    expect(sent[1]![1]).toEqual(many.map((_, i) => account(i)))
    expect(sent[2]![1]).toEqual(fewer)
    // Once its queue is empty, a short payload of that name goes out at once again.
    bus.emit('accounts.changed', fewer)
    expect(sent).toHaveLength(4)
  })

  it('checks a long codes.frames event ahead of long work already waiting: the codes the user watches go out first', async () => {
    const bus = createEventBus(createMemoryLogger())
    const order: string[] = []
    bus.subscribe((name) => void order.push(name))
    const frames = Array.from({ length: SLICE_ITEMS * 8 }, (_, i) => ({ accountId: `acc_${String(i).padStart(8, '0')}`, code: '123456', nextCode: null, periodStart: 0, period: 30 }))
    const long = Array.from({ length: 5 }, () => mapInSlices(Array.from({ length: SLICE_ITEMS * 2 }, (_, i) => i), (i) => i % SLICE_ITEMS === 0 && order.push('long')))
    bus.emit('codes.frames', { frames, correctionMs: 0, seq: 1 })
    await Promise.all(long)
    await vi.waitFor(() => expect(order).toContain('codes.frames'))
    expect(order.indexOf('codes.frames')).toBe(0)
  })

  it('checks nothing while nobody listens: nothing crosses, so the payload is not even read', () => {
    const log = createMemoryLogger()
    const bus = createEventBus(log)
    let reads = 0
    const watched = new Proxy({ ...defaultSettings, theme: 'purple' }, { get: (target, key) => (reads++, Reflect.get(target, key)) })
    bus.emit('settings.changed', watched as never)
    expect(reads).toBe(0)
    expect(log.lines).toEqual([])
    // Once someone listens, the same payload is checked and refused as before.
    const sent: unknown[] = []
    bus.subscribe((_name, payload) => sent.push(payload))
    bus.emit('settings.changed', watched as never)
    expect(reads).toBeGreaterThan(0)
    expect(sent).toEqual([])
    expect(log.lines.filter((l) => l.startsWith('error event'))).toHaveLength(1)
  })
})
