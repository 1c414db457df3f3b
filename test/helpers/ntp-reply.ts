import { msToNtp, writeTimestamp } from '../../src/main/clock/ntp-time'

/** Fields of a crafted server reply; anything left out is what a healthy stratum-2 server would send. */
export type ReplyFields = Readonly<{
  leap?: number
  version?: number
  mode?: number
  stratum?: number
  /** log2 seconds; default -20 (about 1 µs). */
  precision?: number
  rootDelayMs?: number
  rootDispersionMs?: number
  /** Four bytes, or up to four ASCII characters (a kiss code). */
  referenceId?: string | Uint8Array
  /** Default: the request's transmit timestamp, as a real server echoes it. */
  origin?: Uint8Array
  /** T2 and T3 in ms since the epoch; null writes zero. */
  receiveMs?: number | null
  transmitMs?: number | null
  /** Cut the packet to this many bytes, or append zero bytes to reach it. */
  length?: number
}>

/** The server's idea of now: a sub-ms reading of this process's clock plus `offsetMs`. */
export function serverNow(offsetMs: number): number {
  return performance.timeOrigin + performance.now() + offsetMs
}

/** A reply to `request` (which must be ≥ 48 bytes) as a server would build it, with any field overridden. */
export function craftReply(request: Uint8Array, nowMs: number, fields: ReplyFields = {}): Uint8Array {
  const packet = new Uint8Array(48)
  const view = new DataView(packet.buffer)
  const leap = fields.leap ?? 0
  const version = fields.version ?? 4
  const mode = fields.mode ?? 4
  packet[0] = ((leap & 3) << 6) | ((version & 7) << 3) | (mode & 7)
  packet[1] = fields.stratum ?? 2
  packet[2] = 6
  view.setInt8(3, fields.precision ?? -20)
  view.setUint32(4, Math.round(((fields.rootDelayMs ?? 0.5) / 1000) * 65536))
  view.setUint32(8, Math.round(((fields.rootDispersionMs ?? 0.5) / 1000) * 65536))
  const refid = fields.referenceId ?? new Uint8Array([127, 0, 0, 1])
  packet.set(typeof refid === 'string' ? new TextEncoder().encode(refid.padEnd(4, '\0').slice(0, 4)) : refid.subarray(0, 4), 12)
  writeTimestamp(view, 16, msToNtp(nowMs - 16_000))
  packet.set(fields.origin ?? request.subarray(40, 48), 24)
  const receive = fields.receiveMs === undefined ? nowMs : fields.receiveMs
  const transmit = fields.transmitMs === undefined ? nowMs : fields.transmitMs
  if (receive !== null) writeTimestamp(view, 32, msToNtp(receive))
  if (transmit !== null) writeTimestamp(view, 40, msToNtp(transmit))
  if (fields.length === undefined || fields.length === 48) return packet
  if (fields.length < 48) return packet.slice(0, fields.length)
  const longer = new Uint8Array(fields.length)
  longer.set(packet)
  return longer
}
