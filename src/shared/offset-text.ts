/**
 * The one way an offset, a duration or an age is written to the user, on
 * every surface: status strip, banner, codes page, Clock screen, server
 * table, tray, notifications, the "code rejected?" helper and the checklist.
 *
 * Offsets are server time minus system time, ms (as in `ClockStatus`):
 * positive means this computer is behind.
 *
 * Rounding, the same everywhere: to the nearest second below one hour
 * ("37 s", "1 min 30 s", "3 min 20 s"), to the nearest minute from one hour
 * ("5 h 30 min"), to the nearest hour from one day ("2 d 3 h"). The total is
 * rounded first and then split, so 59.6 s reads "1 min", never "60 s".
 * User text says "ahead"/"behind", never a signed number; where a sign is
 * needed (a chart axis, a correction) it is a real minus sign (U+2212).
 * Raw milliseconds appear only through {@link formatDetailMs}, for a column
 * labelled as such.
 */

/** U+2212 MINUS SIGN: what a sign looks like in text (an ASCII hyphen is not one). */
export const MINUS = '\u2212'

const MINUTE_S = 60
const HOUR_S = 3_600
const DAY_S = 86_400

/** A duration's size in words, whatever its sign: "37 s", "1 min 30 s", "5 h 30 min", "2 d 3 h". */
export function formatDuration(ms: number): string {
  const seconds = Math.abs(ms) / 1000
  if (!Number.isFinite(seconds)) return 'an unknown time'
  if (Math.round(seconds) < HOUR_S) {
    const s = Math.round(seconds)
    if (s < MINUTE_S) return `${s} s`
    const rest = s % MINUTE_S
    return rest === 0 ? `${s / MINUTE_S} min` : `${Math.floor(s / MINUTE_S)} min ${rest} s`
  }
  const minutes = Math.round(seconds / MINUTE_S)
  if (minutes < DAY_S / MINUTE_S) {
    const rest = minutes % 60
    return rest === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${rest} min`
  }
  const hours = Math.round(seconds / HOUR_S)
  const rest = hours % 24
  return rest === 0 ? `${hours / 24} d` : `${Math.floor(hours / 24)} d ${rest} h`
}

/** Which way the computer's clock is off: a positive offset (server minus system) means it is behind. */
export function offsetDirection(offsetMs: number): 'ahead' | 'behind' {
  return offsetMs > 0 ? 'behind' : 'ahead'
}

/**
 * An offset in words: "37 s ahead", "1 min 30 s behind", "5 h 30 min ahead".
 * Under half a second (which rounds to 0 s): "less than 1 s ahead".
 */
export function describeOffset(offsetMs: number): string {
  const size = Math.round(Math.abs(offsetMs) / 1000) === 0 ? 'less than 1 s' : formatDuration(offsetMs)
  return `${size} ${offsetDirection(offsetMs)}`
}

/** A signed duration where a sign is needed (chart axis, correction): "+37 s", "−37 s", "0 s". */
export function formatSigned(ms: number): string {
  const size = formatDuration(ms)
  if (size === '0 s') return size
  return `${ms < 0 ? MINUS : '+'}${size}`
}

/**
 * Milliseconds for a details column whose heading says "ms": one decimal,
 * a real minus sign, thousands grouped with a thin space ("−37 000.4").
 */
export function formatDetailMs(ms: number, decimals = 1): string {
  if (!Number.isFinite(ms)) return '—'
  const [whole = '0', fraction] = Math.abs(ms).toFixed(decimals).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009')
  const text = fraction === undefined ? grouped : `${grouped}.${fraction}`
  return ms < 0 && Number(Math.abs(ms).toFixed(decimals)) !== 0 ? `${MINUS}${text}` : text
}

/**
 * How long ago something happened: "just now" under a minute, then whole
 * units rounded down ("4 min ago" until the 5th minute is complete, "2 h ago",
 * "3 days ago"). A time in the future (a clock moved back) reads "just now".
 */
export function describeAge(ageMs: number): string {
  const seconds = Math.floor(ageMs / 1000)
  if (!Number.isFinite(seconds) || seconds < MINUTE_S) return 'just now'
  if (seconds < HOUR_S) return `${Math.floor(seconds / MINUTE_S)} min ago`
  if (seconds < DAY_S) return `${Math.floor(seconds / HOUR_S)} h ago`
  const days = Math.floor(seconds / DAY_S)
  return days === 1 ? '1 day ago' : `${days} days ago`
}
