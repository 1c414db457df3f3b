import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { codeAdvice, codeTiming } from '../../shared/code-timing'
import { hotpCode } from '../otp/generate'

/**
 * The "code rejected?" model against an independent TOTP: RFC 6238 written
 * out here with node:crypto's HMAC on the TRUE time (system + offset), never
 * through otpauth or the app's code module. The app's codes for the step the
 * model names must be that code, at every offset from −120 s to +120 s and
 * every half second of the countdown; and the model's "bad window" must be
 * exactly the seconds in which the code SellerGuard shows is not it.
 */
const KEY = Buffer.from('12345678901234567890') // RFC 6238 appendix B's SHA-1 key
const PERIOD_S = 30
const P = PERIOD_S * 1000
/** 2026-01-01T00:00:00Z, a step boundary. */
const T0 = Date.UTC(2026, 0, 1)

function referenceTotp(trueTimeMs: number): string {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(trueTimeMs / 1000 / PERIOD_S)))
  const mac = createHmac('sha1', KEY).update(counter).digest()
  const at = mac[mac.length - 1]! & 0x0f
  const value = (mac.readUInt32BE(at) & 0x7fffffff) % 1_000_000
  return String(value).padStart(6, '0')
}

const appCode = (step: number) => hotpCode({ algorithm: 'SHA1', digits: 6 }, KEY, step)

const offsets = Array.from({ length: 241 }, (_, i) => (i - 120) * 1000)

describe('code rejected? model, against an independent TOTP on the true time', () => {
  it.each(offsets)('offset %d ms, correction off: expected code, seconds left and bad window are right', (offsetMs) => {
    for (let phase = 250; phase < P; phase += 500) {
      const nowMs = T0 + 7 * P + phase
      const timing = codeTiming({ nowMs, offsetMs, correctionMs: 0, periodS: PERIOD_S })
      const truth = referenceTotp(nowMs + offsetMs)
      expect(appCode(timing.expectedStep!)).toBe(truth)
      // The expected code still holds for its seconds left, and not one whole second more.
      const left = timing.expectedSecondsLeft!
      expect(referenceTotp(nowMs + offsetMs + (left - 1) * 1000)).toBe(truth)
      expect(Math.floor((nowMs + offsetMs + left * 1000) / P)).toBe(timing.expectedStep! + 1)

      const shownIsRight = appCode(timing.shownStep) === truth
      const shownPhase = (nowMs % P) // correction 0: the shown clock is the system clock
      const w = timing.badWindow
      const claimedBad = w === null ? false : w.part === 'all' ? true : w.part === 'first' ? shownPhase < w.seconds * 1000 : shownPhase >= P - w.seconds * 1000
      expect({ offsetMs, phase, bad: !shownIsRight }).toEqual({ offsetMs, phase, bad: claimedBad })
      const rel = timing.relation!
      const relationCode = { previous: appCode(timing.shownStep - 1), current: appCode(timing.shownStep), next: appCode(timing.shownStep + 1) }
      if (rel === 'previous' || rel === 'current' || rel === 'next') expect(relationCode[rel]).toBe(truth)
    }
  })

  it.each(offsets)('offset %d ms, fully corrected: the shown code is always right', (offsetMs) => {
    for (let phase = 250; phase < P; phase += 1500) {
      const nowMs = T0 + 3 * P + phase
      const timing = codeTiming({ nowMs, offsetMs, correctionMs: offsetMs, periodS: PERIOD_S })
      expect(timing.relation).toBe('current')
      expect(timing.badWindow).toBeNull()
      expect(appCode(timing.shownStep)).toBe(referenceTotp(nowMs + offsetMs))
    }
  })

  it.each(offsets)('offset %d ms: the advice names the right end of the countdown', (offsetMs) => {
    const nowMs = T0 + 11 * P + 4_321
    const timing = codeTiming({ nowMs, offsetMs, correctionMs: 0, periodS: PERIOD_S })
    const advice = codeAdvice(timing, offsetMs, 0, PERIOD_S)
    const abs = Math.abs(offsetMs)
    if (abs === 0) expect(advice).toMatch(/the code SellerGuard shows is the one the site expects/)
    else if (abs >= P) expect(advice).toMatch(/never works/)
    else if (offsetMs < 0) {
      // Fast clock: the FIRST seconds of each countdown are bad, never "near the end".
      expect(advice).toContain(`In the first ${abs / 1000} s of each countdown the site still expects the previous code.`)
      expect(advice).not.toMatch(/last|end of/)
      expect(advice).toContain('ahead')
    } else {
      expect(advice).toMatch(/In the last .* of each countdown the site already expects the next code/)
      expect(advice).not.toMatch(/first/)
      expect(advice).toContain('behind')
    }
    if (abs !== 0) expect(advice).toMatch(new RegExp(`Right now the site expects (the ${timing.relation} code|a code from (before|after) the (previous|next) one) \\(${timing.expectedSecondsLeft} s left\\)`))
  })

  it('names the code by its distance when it is two steps away', () => {
    const nowMs = T0 + 5 * P + 2_000 // 2 s into a step, clock 37 s fast
    const timing = codeTiming({ nowMs, offsetMs: -37_000, correctionMs: 0, periodS: PERIOD_S })
    expect(timing.relation).toBe('earlier')
    expect(timing.expectedStep).toBe(timing.shownStep - 2)
    expect(appCode(timing.expectedStep!)).toBe(referenceTotp(nowMs - 37_000))
    // 7 s later the previous code has become the right one.
    const later = codeTiming({ nowMs: nowMs + 7_000, offsetMs: -37_000, correctionMs: 0, periodS: PERIOD_S })
    expect(later.relation).toBe('previous')
  })

  it('recomputes no later than the next second or step boundary on either clock', () => {
    const timing = codeTiming({ nowMs: T0 + 29_100, offsetMs: 8_450, correctionMs: 0, periodS: PERIOD_S })
    expect(timing.msUntilChange).toBeCloseTo(450, 6)
    expect(codeTiming({ nowMs: T0 + 100, offsetMs: null, correctionMs: 0, periodS: PERIOD_S }).msUntilChange).toBe(900)
  })

  it('without a measurement it says so and guesses nothing', () => {
    const timing = codeTiming({ nowMs: T0, offsetMs: null, correctionMs: 0, periodS: PERIOD_S })
    expect(timing.relation).toBeNull()
    expect(codeAdvice(timing, null, 0, PERIOD_S)).toMatch(/cannot tell which code the site expects/)
  })
})
