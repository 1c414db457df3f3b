import { describe, expect, it } from 'vitest'
import { createKodBackoff } from './kod-backoff'

describe('Kiss-o’-Death back-off', () => {
  function setup() {
    let clock = 1_000
    const backoff = createKodBackoff({ now: () => clock, rateInitialMs: 100, rateMaxMs: 350, denyMs: 10_000 })
    return { backoff, advance: (ms: number) => void (clock += ms) }
  }

  it('a server never kissed is never blocked', () => {
    expect(setup().backoff.blockedForMs('a:123')).toBe(0)
  })

  it('RATE blocks for a back-off that doubles per RATE in a row, up to the cap', () => {
    const { backoff, advance } = setup()
    const waits: number[] = []
    for (let i = 0; i < 4; i++) {
      backoff.recordKiss('a:123', 'RATE')
      waits.push(backoff.blockedForMs('a:123'))
      advance(1_000)
      expect(backoff.blockedForMs('a:123')).toBe(0)
    }
    expect(waits).toEqual([100, 200, 350, 350])
  })

  it('a good reply restarts the RATE streak', () => {
    const { backoff } = setup()
    backoff.recordKiss('a:123', 'RATE')
    backoff.recordKiss('a:123', 'RATE')
    backoff.recordSuccess('a:123')
    backoff.recordKiss('a:123', 'RATE')
    expect(backoff.blockedForMs('a:123')).toBe(100)
  })

  it('DENY and RSTR block for the long period; servers are independent', () => {
    const { backoff, advance } = setup()
    backoff.recordKiss('a:123', 'DENY')
    backoff.recordKiss('b:123', 'RSTR')
    advance(9_999)
    expect(backoff.blockedForMs('a:123')).toBe(1)
    expect(backoff.blockedForMs('b:123')).toBe(1)
    expect(backoff.blockedForMs('c:123')).toBe(0)
    advance(1)
    expect(backoff.blockedForMs('a:123')).toBe(0)
  })
})
