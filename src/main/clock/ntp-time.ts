/**
 * NTP timestamps (RFC 5905 §6): 32-bit seconds since 1900-01-01T00:00:00Z
 * and a 32-bit binary fraction of a second, both unsigned, big-endian.
 */
export type NtpTimestamp = Readonly<{ seconds: number; fraction: number }>

/** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
export const NTP_UNIX_OFFSET_S = 2_208_988_800

const TWO_32 = 4_294_967_296

/**
 * NTP timestamp -> ms since the Unix epoch.
 *
 * The 32-bit seconds field wraps on 2036-02-07T06:28:16Z (era 0 ends). We use
 * the rule of RFC 4330 §3: a seconds value with the top bit clear is taken to
 * be in era 1 (2036-02-07 .. 2104-02-26), one with the top bit set in era 0
 * (1968-01-20 .. 2036-02-07). Every timestamp a working server can send us
 * today falls in that 136-year window, and the result stays a plain JS number
 * (exact to well under a microsecond at today's magnitudes).
 */
export function ntpToMs(ts: NtpTimestamp): number {
  const era = ts.seconds < 0x8000_0000 ? 1 : 0
  return (ts.seconds + era * TWO_32 - NTP_UNIX_OFFSET_S) * 1000 + (ts.fraction * 1000) / TWO_32
}

/**
 * ms since the Unix epoch -> NTP timestamp. The seconds are taken modulo 2^32,
 * so times after 2036 come out in era 1 and {@link ntpToMs} maps them back
 * (round trip exact to the 2^-32 s fraction, ~0.23 ns).
 */
export function msToNtp(ms: number): NtpTimestamp {
  let whole = Math.floor(ms / 1000)
  let fraction = Math.round(((ms - whole * 1000) / 1000) * TWO_32)
  if (fraction >= TWO_32) {
    fraction -= TWO_32
    whole += 1
  }
  const seconds = (((whole + NTP_UNIX_OFFSET_S) % TWO_32) + TWO_32) % TWO_32
  return { seconds, fraction }
}

export function readTimestamp(view: DataView, at: number): NtpTimestamp {
  return { seconds: view.getUint32(at), fraction: view.getUint32(at + 4) }
}

export function writeTimestamp(view: DataView, at: number, ts: NtpTimestamp): void {
  view.setUint32(at, ts.seconds)
  view.setUint32(at + 4, ts.fraction)
}

/** RFC 5905 "short format": unsigned 16.16 fixed-point seconds -> ms. */
export function shortToMs(value: number): number {
  return (value / 65536) * 1000
}
