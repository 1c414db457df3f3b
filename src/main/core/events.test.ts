import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../shared/contract'
import { createEventBus } from './events'
import { createMemoryLogger } from './log'

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
    bus.emit('codes.frames', { frames: [{ accountId: 'acc_12345678', code: 'not a code', nextCode: null, periodStart: 0, period: 30 }], correctionMs: 0 })
    expect(sent).toEqual([])
    expect(log.lines.filter((l) => l.startsWith('error event'))).toHaveLength(2)
  })
})
