import type { ClockState } from '../../shared/contract'
import type { ClockReading } from './select'

/** TOTP time step (RFC 6238 §4, the default every marketplace uses), ms. */
export const TOTP_STEP_MS = 30_000

/**
 * Warn from 5 s. A code shown at local time t belongs to step ⌊t/30 s⌋; with
 * the clock off by d, the server is in another step for d/30 of every
 * period, so at 5 s one code in six is already "wrong" before the user
 * starts typing. Sites that allow the previous step (RFC 6238 §5.2 suggests
 * at most one) still accept it, but the seconds the user needs to type come
 * out of the same margin: worth a calm warning.
 */
export const WARN_FROM_MS = 5_000

/**
 * Critical from 15 s: half a step. Half of all codes are for the wrong step,
 * and on a site without a window (or when the clock is ahead, so codes are
 * for a step the server has not reached) logins start failing. This is well
 * before one whole step (30 s), where codes fail outright.
 */
export const CRITICAL_FROM_MS = 15_000

function levelOf(absMs: number): Exclude<ClockState, 'unknown'> {
  if (absMs >= CRITICAL_FROM_MS) return 'critical'
  if (absMs >= WARN_FROM_MS) return 'warn'
  return 'ok'
}

/**
 * Classifies an offset that is known to lie within `offsetMs ± errorMs`.
 *
 * We grade the smallest offset the measurement allows, |offset| − error, so
 * an uncertain reading can only under-state the problem, never raise a false
 * alarm: 6 s ± 2 s is `ok`, 6 s ± 0.5 s is `warn`. And when the error alone
 * is as wide as the warn threshold, "ok" would be a guess, so such a reading
 * is `unknown` unless even its smallest value is already a warning.
 */
export function classifyOffset(offsetMs: number | null, errorMs: number | null): ClockState {
  if (offsetMs === null || errorMs === null || !Number.isFinite(offsetMs) || !Number.isFinite(errorMs) || errorMs < 0) return 'unknown'
  const level = levelOf(Math.max(0, Math.abs(offsetMs) - errorMs))
  if (level === 'ok' && errorMs >= WARN_FROM_MS) return 'unknown'
  return level
}

export function classifyReading(reading: ClockReading): ClockState {
  return reading.kind === 'measured' ? classifyOffset(reading.offsetMs, reading.errorMs) : 'unknown'
}
