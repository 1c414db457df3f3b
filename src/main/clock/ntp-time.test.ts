import { describe, expect, it } from 'vitest'
import { msToNtp, ntpToMs, NTP_UNIX_OFFSET_S, shortToMs } from './ntp-time'

describe('NTP timestamps', () => {
  it('the Unix epoch is 2 208 988 800 s after the NTP epoch', () => {
    expect(msToNtp(0)).toEqual({ seconds: NTP_UNIX_OFFSET_S, fraction: 0 })
    expect(ntpToMs({ seconds: NTP_UNIX_OFFSET_S, fraction: 0 })).toBe(0)
  })

  it('converts the fraction (2^32 units per second)', () => {
    expect(ntpToMs({ seconds: NTP_UNIX_OFFSET_S, fraction: 2 ** 31 })).toBe(500)
    expect(msToNtp(250).fraction).toBe(2 ** 30)
  })

  it('round-trips today’s times to well under a microsecond', () => {
    for (const ms of [Date.parse('2026-01-01T00:00:00Z') + 0.123456, 1_700_000_000_000.5, Date.now()]) {
      expect(Math.abs(ntpToMs(msToNtp(ms)) - ms)).toBeLessThan(0.001)
    }
  })

  it('handles the era-0 rollover on 2036-02-07T06:28:16Z (RFC 4330 §3)', () => {
    const rollover = Date.parse('2036-02-07T06:28:16Z')
    expect(msToNtp(rollover)).toEqual({ seconds: 0, fraction: 0 })
    expect(ntpToMs({ seconds: 0, fraction: 0 })).toBe(rollover)
    expect(ntpToMs({ seconds: 0xffff_ffff, fraction: 0 })).toBe(rollover - 1000)
    const after = Date.parse('2040-06-01T12:00:00Z')
    expect(msToNtp(after).seconds).toBeLessThan(0x8000_0000)
    expect(ntpToMs(msToNtp(after))).toBe(after)
  })

  it('carries a fraction that rounds up to a whole second', () => {
    const ts = msToNtp(999.99999999999)
    expect(ts.fraction).toBeLessThan(2 ** 32)
    expect(Math.abs(ntpToMs(ts) - 1000)).toBeLessThan(0.001)
  })

  it('reads 16.16 short format as ms', () => {
    expect(shortToMs(0x0001_0000)).toBe(1000)
    expect(shortToMs(0x0000_8000)).toBe(500)
  })
})
