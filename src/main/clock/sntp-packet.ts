import { err, ok, type Result } from '../../shared/result'
import { ntpToMs, readTimestamp, shortToMs } from './ntp-time'

/** Length of an NTP header without extension fields or MAC (RFC 5905 §7.3). */
export const NTP_HEADER_BYTES = 48
/** Length of the nonce we put in the transmit timestamp. */
export const NONCE_BYTES = 8

const MODE_CLIENT = 3
const MODE_SERVER = 4
const LEAP_UNSYNCHRONISED = 3
const MAX_STRATUM = 15

/** Header offsets (RFC 5905 figure 8). */
const AT = { rootDelay: 4, rootDispersion: 8, referenceId: 12, origin: 24, receive: 32, transmit: 40 } as const

/** A validated server reply. Times in ms since the Unix epoch (server clock). */
export type NtpReply = Readonly<{
  /** Leap indicator 0..2 (3, "clock unsynchronised", is rejected). */
  leap: 0 | 1 | 2
  version: 3 | 4
  /** 1 (primary) .. 15. */
  stratum: number
  /** Server clock precision, ms (from the log2-seconds field). */
  precisionMs: number
  /** Round-trip delay from the server to its primary reference, ms. */
  rootDelayMs: number
  /** Server's own error budget relative to its primary reference, ms. */
  rootDispersionMs: number
  /** Kiss/reference code for stratum 1 (e.g. "GPS"), else the upstream IPv4 address (or IPv6 hash) dotted. */
  referenceId: string
  /** T2: when the request reached the server. */
  receiveMs: number
  /** T3: when the reply left the server. */
  transmitMs: number
}>

/**
 * Why a reply was refused. `short`, `long` and `origin-mismatch` say the
 * packet cannot be proven to answer our request; every other kind comes
 * from a reply that carried our nonce.
 */
export type PacketError =
  | Readonly<{ kind: 'short'; length: number }>
  | Readonly<{ kind: 'long'; length: number; reason: string }>
  | Readonly<{ kind: 'origin-mismatch' }>
  | Readonly<{ kind: 'wrong-mode'; mode: number }>
  | Readonly<{ kind: 'wrong-version'; version: number }>
  /** Stratum 0 with a printable 4-character code: RATE, DENY, RSTR, or another (RFC 5905 §7.4). */
  | Readonly<{ kind: 'kiss-o-death'; code: string }>
  /** LI = 3, or stratum 0 without a kiss code: the server does not know the time. */
  | Readonly<{ kind: 'unsynchronised'; leap: number; stratum: number }>
  | Readonly<{ kind: 'bad-stratum'; stratum: number }>
  | Readonly<{ kind: 'zero-transmit' }>
  | Readonly<{ kind: 'zero-receive' }>

/**
 * A 48-byte SNTPv4 client request (RFC 4330 §4): LI = 0, VN = 4, mode = 3,
 * every other field zero except the transmit timestamp, which carries a
 * random nonce instead of our clock reading. The server copies it into the
 * reply's origin field, so it both matches replies to requests and, being
 * unguessable, stops an off-path attacker forging replies (RFC 5905 §8,
 * draft-ietf-ntp-data-minimization); it also leaks nothing about our clock.
 * We keep T1 locally.
 */
export function encodeRequest(nonce: Uint8Array): Uint8Array {
  // A programming error, not a network condition: the caller makes the nonce.
  if (!isUsableNonce(nonce)) throw new RangeError(`nonce must be ${NONCE_BYTES} bytes, not all zero`)
  const packet = new Uint8Array(NTP_HEADER_BYTES)
  packet[0] = (0 << 6) | (4 << 3) | MODE_CLIENT
  packet.set(nonce, AT.transmit)
  return packet
}

/**
 * Validates a reply to the request that carried `nonce` (RFC 4330 §5,
 * RFC 5905 §8). Never throws, whatever the bytes.
 *
 * Order matters: the length and the origin are checked first, so nothing a
 * packet without our nonce says (a forged Kiss-o'-Death DENY, say) is ever
 * believed. Then mode, version, Kiss-o'-Death (before LI, because KoD packets
 * carry LI = 3 too), LI = 3, stratum, zero timestamps.
 *
 * Length: anything under 48 bytes is `short`. Longer packets are accepted
 * only if the tail parses as RFC 7822 extension fields (each ≥ 16 bytes, a
 * multiple of 4, inside the packet) followed by nothing or a legacy MAC
 * (key id + MD5 = 20 bytes, or + SHA-1 = 24). We never ask for
 * authentication, so the content of that tail is skipped, not trusted.
 * Anything else is `long`.
 */
export function decodeReply(bytes: Uint8Array, nonce: Uint8Array): Result<NtpReply, PacketError> {
  if (bytes.length < NTP_HEADER_BYTES) return err({ kind: 'short', length: bytes.length })
  const tail = checkTail(bytes)
  if (tail !== null) return err({ kind: 'long', length: bytes.length, reason: tail })
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)

  if (!sameBytes(bytes.subarray(AT.origin, AT.origin + NONCE_BYTES), nonce)) return err({ kind: 'origin-mismatch' })

  const first = view.getUint8(0)
  const leap = first >> 6
  const version = (first >> 3) & 0b111
  const mode = first & 0b111
  const stratum = view.getUint8(1)
  if (mode !== MODE_SERVER) return err({ kind: 'wrong-mode', mode })
  if (version !== 3 && version !== 4) return err({ kind: 'wrong-version', version })

  if (stratum === 0) {
    const code = kissCode(bytes.subarray(AT.referenceId, AT.referenceId + 4))
    if (code !== null) return err({ kind: 'kiss-o-death', code })
    // Stratum 0 means "unspecified": chronyd without a source answers this way (with LI = 3).
    return err({ kind: 'unsynchronised', leap, stratum })
  }
  if (leap === LEAP_UNSYNCHRONISED) return err({ kind: 'unsynchronised', leap, stratum })
  if (stratum > MAX_STRATUM) return err({ kind: 'bad-stratum', stratum })

  const transmit = readTimestamp(view, AT.transmit)
  if (transmit.seconds === 0 && transmit.fraction === 0) return err({ kind: 'zero-transmit' })
  const receive = readTimestamp(view, AT.receive)
  if (receive.seconds === 0 && receive.fraction === 0) return err({ kind: 'zero-receive' })

  return ok({
    leap: leap as 0 | 1 | 2,
    version: version as 3 | 4,
    stratum,
    precisionMs: 2 ** view.getInt8(3) * 1000,
    rootDelayMs: shortToMs(view.getUint32(AT.rootDelay)),
    rootDispersionMs: shortToMs(view.getUint32(AT.rootDispersion)),
    referenceId: referenceIdText(bytes.subarray(AT.referenceId, AT.referenceId + 4), stratum),
    receiveMs: ntpToMs(receive),
    transmitMs: ntpToMs(transmit),
  })
}

/** A fresh nonce is all-zero with probability 2^-64; we still refuse it, because a zero transmit timestamp is invalid. */
export function isUsableNonce(nonce: Uint8Array): boolean {
  return nonce.length === NONCE_BYTES && nonce.some((b) => b !== 0)
}

/** `null` when the bytes after the header are well-formed, else why not. */
function checkTail(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = NTP_HEADER_BYTES
  // RFC 7822 §7.5: without a MAC the last extension field is ≥ 28 bytes, so
  // a remainder of ≤ 24 bytes can only be a MAC.
  while (bytes.length - at > 24) {
    const fieldLength = view.getUint16(at + 2)
    if (fieldLength < 16 || fieldLength % 4 !== 0) return `extension field at byte ${at} has length ${fieldLength}`
    if (at + fieldLength > bytes.length) return `extension field at byte ${at} overruns the packet`
    at += fieldLength
  }
  const rest = bytes.length - at
  if (rest === 0 || rest === 20 || rest === 24) return null
  return `${rest} trailing bytes are neither an extension field nor a MAC`
}

function kissCode(refid: Uint8Array): string | null {
  if (refid.every((b) => b === 0)) return null
  // Kiss codes are ASCII (RFC 5905 §7.4); a short one is padded with NULs or spaces.
  const trimmed = Array.from(refid)
  while (trimmed.length > 0 && (trimmed.at(-1) === 0 || trimmed.at(-1) === 0x20)) trimmed.pop()
  if (trimmed.length === 0 || !trimmed.every((b) => b >= 0x21 && b <= 0x7e)) return null
  return String.fromCharCode(...trimmed)
}

function referenceIdText(refid: Uint8Array, stratum: number): string {
  if (stratum === 1) return String.fromCharCode(...Array.from(refid).filter((b) => b >= 0x20 && b <= 0x7e))
  return Array.from(refid).join('.')
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return diff === 0
}
