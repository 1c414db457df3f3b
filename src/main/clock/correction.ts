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
 * - `on`: by the last measurement (kept while offline, up to a day old), even in doubt.
 * - `auto`: by the last trusted measurement when it shows the clock measurably
 *   off (warn or critical) and is tight. A failed check does not drop it
 *   (the clock has not changed because a server was quiet); a wake or a
 *   network change does, until the re-check.
 */
export function correctionFor(mode: CorrectionMode, snapshot: Pick<ClockSnapshot, 'state' | 'measurement' | 'doubt'>, now: number): number {
  if (mode === 'off') return 0
  const measured = snapshot.measurement
  if (!measured || now - measured.at > CORRECTION_MAX_AGE_MS) return 0
  if (mode === 'on') return Math.round(measured.offsetMs)
  const off = snapshot.doubt === null && (snapshot.state === 'warn' || snapshot.state === 'critical')
  const tight = measured.errorMs <= TRUSTWORTHY_ERROR_MS && Math.abs(measured.offsetMs) >= WARN_FROM_MS
  return off && tight ? Math.round(measured.offsetMs) : 0
}
