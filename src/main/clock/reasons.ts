import { assertNever } from '../../shared/result'
import type { PacketError } from './sntp-packet'
import type { QueryError } from './sntp-query'

/** Why a server's answer was not used in a check. */
export type RejectReason =
  | 'bad-server'
  | 'duplicate'
  | 'backed-off'
  | 'dns'
  | 'socket'
  | 'timeout'
  | 'short'
  | 'long'
  | 'origin-mismatch'
  | 'wrong-mode'
  | 'wrong-version'
  | 'kod-rate'
  | 'kod-deny'
  | 'kod-rstr'
  | 'kod-other'
  | 'unsynchronised'
  | 'bad-stratum'
  | 'zero-transmit'
  | 'zero-receive'
  /** Root distance too large: the server itself does not know the time well enough. */
  | 'too-distant'
  /** Answered, but its interval is outside the majority's. */
  | 'falseticker'
  /** Answered, but no majority of servers agreed, so nobody's answer was used. */
  | 'no-majority'
  /** HTTPS: the connection or TLS failed, or the site answered with an error status. */
  | 'https-error'
  /** HTTPS: the reply had no usable `Date` header. */
  | 'no-date'
  /** HTTPS: the site's `Date` headers contradict each other (a cached reply, or a clock that jumps). */
  | 'inconsistent'

export type ReasonAndDetail = Readonly<{ reason: RejectReason; detail: string }>

export function reasonOfPacket(error: PacketError): ReasonAndDetail {
  switch (error.kind) {
    case 'short':
      return { reason: 'short', detail: `${error.length}-byte reply (an NTP header is 48)` }
    case 'long':
      return { reason: 'long', detail: `${error.length}-byte reply: ${error.reason}` }
    case 'origin-mismatch':
      return { reason: 'origin-mismatch', detail: 'reply did not carry our request’s timestamp (stale or spoofed)' }
    case 'wrong-mode':
      return { reason: 'wrong-mode', detail: `mode ${error.mode}, expected 4 (server)` }
    case 'wrong-version':
      return { reason: 'wrong-version', detail: `NTP version ${error.version}, expected 3 or 4` }
    case 'kiss-o-death': {
      const reason = error.code === 'RATE' ? 'kod-rate' : error.code === 'DENY' ? 'kod-deny' : error.code === 'RSTR' ? 'kod-rstr' : 'kod-other'
      return { reason, detail: `Kiss-o'-Death ${error.code}` }
    }
    case 'unsynchronised':
      return { reason: 'unsynchronised', detail: `server is not synchronised (LI ${error.leap}, stratum ${error.stratum})` }
    case 'bad-stratum':
      return { reason: 'bad-stratum', detail: `stratum ${error.stratum}` }
    case 'zero-transmit':
      return { reason: 'zero-transmit', detail: 'transmit timestamp is zero' }
    case 'zero-receive':
      return { reason: 'zero-receive', detail: 'receive timestamp is zero' }
    default:
      return assertNever(error)
  }
}

export function reasonOfQuery(error: QueryError): ReasonAndDetail {
  switch (error.kind) {
    case 'dns':
      return { reason: 'dns', detail: `${error.host}: ${error.code}` }
    case 'socket':
      return { reason: 'socket', detail: `${error.code}: ${error.message}` }
    case 'timeout': {
      // A reply that could not be tied to our request is the more useful thing to report.
      if (error.ignored !== null) {
        const { reason, detail } = reasonOfPacket(error.ignored)
        return { reason, detail: `${detail}; no valid reply within ${error.timeoutMs} ms` }
      }
      return { reason: 'timeout', detail: `no reply within ${error.timeoutMs} ms` }
    }
    case 'rejected':
      return reasonOfPacket(error.error)
    default:
      return assertNever(error)
  }
}
