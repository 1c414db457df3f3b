/**
 * Recognising a clock that is off by a time zone rather than by drift.
 *
 * A computer whose clock shows the right local time but which believes it is
 * in another zone (a wrong time-zone setting, or a dual-boot machine that
 * keeps the hardware clock in local time) is off by a real UTC offset: a
 * whole number of hours, or one of the half- and quarter-hour offsets zones
 * actually use. The fix is then the zone, not the clock.
 */

const MINUTE_MS = 60_000

/**
 * Tolerance: an offset within 2 minutes of a zone offset counts as one. Wide
 * enough for a hardware clock that has also drifted for a few months, narrow
 * enough that a clock off by, say, 27 minutes is not blamed on a zone.
 */
export const TIME_ZONE_TOLERANCE_MS = 2 * MINUTE_MS

/**
 * Real UTC offsets that are not whole hours, in minutes (magnitudes; both
 * signs count, since the clock can be off either way): −9:30 Marquesas,
 * ±3:30 Newfoundland/Iran, 4:30 Afghanistan, 5:30 India and Sri Lanka,
 * 5:45 Nepal, 6:30 Myanmar, 8:45 Eucla, 9:30 and 10:30 central Australia
 * (standard and summer), 12:45 and 13:45 Chatham.
 */
export const PART_HOUR_ZONE_MINUTES: readonly number[] = [210, 270, 330, 345, 390, 525, 570, 630, 765, 825]

/** Zones run from UTC−12 to UTC+14, so a wrong zone is at most 26 hours away. */
const MAX_ZONE_MINUTES = 26 * 60

export type TimeZoneMistake = Readonly<{
  /** The zone offset the clock is off by, minutes; positive: the computer is behind. */
  zoneMinutes: number
  /** What is left beyond the zone offset, ms (offset − zone), same sign convention. */
  residualMs: number
}>

/**
 * If `offsetMs` (server minus system) is within {@link TIME_ZONE_TOLERANCE_MS}
 * of a non-zero whole number of hours (up to 26) or of one of
 * {@link PART_HOUR_ZONE_MINUTES}, that zone offset and what remains beyond it.
 */
export function probableTimeZone(offsetMs: number, toleranceMs = TIME_ZONE_TOLERANCE_MS): TimeZoneMistake | null {
  if (!Number.isFinite(offsetMs)) return null
  const sign = offsetMs < 0 ? -1 : 1
  const absMinutes = Math.abs(offsetMs) / MINUTE_MS
  const candidates = [Math.round(absMinutes / 60) * 60, ...PART_HOUR_ZONE_MINUTES]
  let best: number | null = null
  for (const minutes of candidates) {
    if (minutes === 0 || minutes > MAX_ZONE_MINUTES) continue
    const distance = Math.abs(Math.abs(offsetMs) - minutes * MINUTE_MS)
    if (distance <= toleranceMs && (best === null || distance < Math.abs(Math.abs(offsetMs) - best * MINUTE_MS))) best = minutes
  }
  if (best === null) return null
  const zoneMinutes = sign * best
  return { zoneMinutes, residualMs: offsetMs - zoneMinutes * MINUTE_MS }
}
