import type { ClockSnapshot } from './monitor'
import { WARN_FROM_MS } from './status'

export type CorrectionMode = 'auto' | 'on' | 'off'

/** A measurement older than this is not used to correct codes, ms (the clock may have been fixed since). */
export const CORRECTION_MAX_AGE_MS = 24 * 60 * 60 * 1000
/** A measurement less certain than this does not correct codes automatically, ms. */
export const TRUSTWORTHY_ERROR_MS = 1_000

/**
 * How far to move the code clock from the system clock, ms.
 * - `off`: never.
 * - `on`: by the latest measured offset (kept while offline, up to a day old).
 * - `auto`: only when the clock is measurably off (warn or critical) and the
 *   measurement is tight; an `unknown` status never moves codes.
 */
export function correctionFor(mode: CorrectionMode, snapshot: ClockSnapshot, now: number): number {
  if (mode === 'off') return 0
  const measured = snapshot.lastMeasured
  if (!measured || now - measured.checkedAt > CORRECTION_MAX_AGE_MS) return 0
  if (mode === 'on') return Math.round(measured.offsetMs)
  const current = snapshot.state === 'warn' || snapshot.state === 'critical'
  const tight = measured.errorMs <= TRUSTWORTHY_ERROR_MS && Math.abs(measured.offsetMs) >= WARN_FROM_MS
  return current && tight ? Math.round(measured.offsetMs) : 0
}
