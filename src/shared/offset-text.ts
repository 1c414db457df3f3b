/**
 * "90 s behind", "3 min ahead", "2 h behind": a clock offset in words, for
 * the tray's status line, its tooltip, desktop notifications and the status strip.
 *
 * `offsetMs` is server time minus system time (as in `ClockStatus`):
 * positive means this computer is behind. Seconds up to 2 minutes, then
 * minutes up to 2 hours, then hours — rounded, because "93.4 s" reads as
 * more precise than any NTP check over the internet is.
 */
export function describeOffset(offsetMs: number): string {
  const direction = offsetMs > 0 ? 'behind' : 'ahead'
  const seconds = Math.abs(offsetMs) / 1000
  if (seconds < 120) return `${Math.max(1, Math.round(seconds))} s ${direction}`
  const minutes = seconds / 60
  if (minutes < 120) return `${Math.round(minutes)} min ${direction}`
  return `${Math.round(minutes / 60)} h ${direction}`
}
