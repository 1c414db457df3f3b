import type { ClockStatus } from '../../contract'

/** "40 s", "2 min 5 s", "3 h". */
export function formatDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000)
  if (s < 60) return `${s} s`
  if (s < 3600) return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`
  const h = Math.floor(s / 3600)
  const m = Math.round((s % 3600) / 60)
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}

/** Offset is server minus computer: positive means the computer is behind (slow). */
export function direction(offsetMs: number): 'behind' | 'ahead' {
  return offsetMs > 0 ? 'behind' : 'ahead'
}

export type WhichCode = 'previous' | 'current' | 'next' | 'none'

/**
 * Which of the shown codes the website expects right now. Codes are shown
 * for `now + correctionMs`; the site uses the real time `now + offsetMs`.
 */
export function expectedCode(nowMs: number, offsetMs: number, correctionMs: number, periodS: number): WhichCode {
  const p = periodS * 1000
  const delta = Math.floor((nowMs + offsetMs) / p) - Math.floor((nowMs + correctionMs) / p)
  return delta === 0 ? 'current' : delta === -1 ? 'previous' : delta === 1 ? 'next' : 'none'
}

/** Plain words for "code rejected?", from the clock status. */
export function explainRejection(clock: ClockStatus | null, nowMs: number, periodS: number): string {
  const offset = clock?.offsetMs ?? clock?.lastMeasured?.offsetMs ?? null
  if (offset === null) {
    return 'SellerGuard could not check your clock yet (no time server answered). Try the current code; if it is refused, wait for the next one. If codes keep failing, check that your computer sets its time automatically.'
  }
  const correction = clock?.correctionMs ?? 0
  const which = expectedCode(nowMs, offset, correction, periodS)
  const skew = offset - correction
  const how = Math.abs(offset) < 1000 ? 'Your clock is right' : `Your clock is ${formatDuration(offset)} ${direction(offset) === 'behind' ? 'slow' : 'fast'}`
  const using = correction !== 0 ? ', and SellerGuard is already correcting for it' : ''
  if (which === 'current') {
    return Math.abs(skew) < 1000
      ? `${how}${using}, so the current code is the one the site expects. If it is still refused, check that you picked the right account, or that the site did not ask for a code from a different app.`
      : `${how}${using}. Right now the site expects the current code; near the end of the countdown it may expect the ${direction(skew) === 'behind' ? 'next' : 'previous'} one.`
  }
  if (which === 'none') {
    return `${how}: more than one step off, so none of these codes will work. Fix your clock (see the Clock page) or turn on “Use corrected time for codes” in Settings.`
  }
  return `${how}, so the site expects the ${which} code. Use it now, and fix your clock (see the Clock page) or turn on corrected time so this does not happen again.`
}
