/**
 * Clock checks (DESIGN.md §6): SNTP client, multi-server selection, status
 * and the monitor. Plain Node; the Electron adapters only call
 * `notifyResume()` / `notifyNetworkChange()` on the monitor.
 */
export { largestIntersection, type Interval, type Intersection } from './intersection'
export { createKodBackoff, type KodBackoff, type KodBackoffDeps, type KodCode } from './kod-backoff'
export {
  createClockMonitor,
  type ClockMonitor,
  type ClockMonitorDeps,
  type ClockSnapshot,
  type ClockCheckRun,
  type PersistedClock,
} from './monitor'
export { msToNtp, ntpToMs, type NtpTimestamp } from './ntp-time'
export { createPreciseClock, type PreciseClockDeps } from './precise-clock'
export { reasonOfPacket, reasonOfQuery, type RejectReason } from './reasons'
export {
  createClockCheck,
  type ClockCheckDeps,
  type ClockCheckOptions,
  type ClockReading,
  type RejectedServer,
  type UnknownReason,
  type UsedServer,
} from './select'
export { NTP_PORT, parseServer, type ServerAddress, type ServerAddressError } from './server-address'
export { decodeReply, encodeRequest, NTP_HEADER_BYTES, type NtpReply, type PacketError } from './sntp-packet'
export {
  createSntpClient,
  DEFAULT_QUERY_TIMEOUT_MS,
  type LookupFn,
  type QueryError,
  type QueryOptions,
  type ResolvedAddress,
  type SntpClient,
  type SntpClientDeps,
  type SntpSample,
} from './sntp-query'
export {
  classifyOffset,
  classifyReading,
  CRITICAL_FROM_MS,
  TOTP_STEP_MS,
  WARN_FROM_MS,
} from './status'
