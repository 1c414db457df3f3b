import type { ClockSource, UnknownReason } from '../../shared/contract'
import { largestIntersection } from './intersection'
import type { RejectReason } from './reasons'

export type { UnknownReason }

/** A server (NTP) or host (HTTPS `Date`) whose answer was used. */
export type UsedServer = Readonly<{
  server: string
  address: string
  /** The kept (lowest-delay or tightest) sample's offset, ms. */
  offsetMs: number
  delayMs: number
  /** Half-width of this server's interval, ms (NTP: δ/2 + root distance + precision + margin). */
  errorMs: number
  /** NTP stratum; null for HTTPS hosts. */
  stratum: number | null
  /** Exchanges that succeeded. */
  samples: number
}>

export type RejectedServer = Readonly<{
  server: string
  address: string | null
  reason: RejectReason
  detail: string
  /** For servers that answered (falseticker, no-majority, too-distant): what they said, ms. */
  offsetMs: number | null
  /** An HTTPS host rather than an NTP server (default NTP). */
  source?: ClockSource
}>

/** The outcome of one check. `unknown` carries no offset at all: it must never drive an alarm or a correction. */
export type ClockReading =
  | Readonly<{
      kind: 'measured'
      source: ClockSource
      /** Server time minus system time, ms. Positive: this computer is behind. */
      offsetMs: number
      /** The true offset lies within offsetMs ± errorMs (if a majority of the servers used tell the truth). */
      errorMs: number
      used: readonly UsedServer[]
      rejected: readonly RejectedServer[]
      /** System clock when the check finished, ms since the epoch. */
      checkedAt: number
    }>
  | Readonly<{
      kind: 'unknown'
      reason: UnknownReason
      used: readonly UsedServer[]
      rejected: readonly RejectedServer[]
      checkedAt: number
    }>

/**
 * Combines the servers that answered (NTP servers or HTTPS hosts alike).
 * Each gives an interval offset ± error that contains the true offset if it
 * is honest. Marzullo's algorithm finds the largest set whose intervals
 * share a point; it must be a strict majority of those that answered,
 * otherwise the reading is `unknown`. The result is the midpoint of that
 * set's intersection and its half-width: the point with the smallest
 * worst-case error given what the agreeing servers claim.
 */
export function combine(candidates: readonly UsedServer[], rejected: readonly RejectedServer[], checkedAt: number, source: ClockSource): ClockReading {
  const out = [...rejected]
  if (candidates.length === 0) return { kind: 'unknown', reason: 'no-answer', used: [], rejected: out, checkedAt }
  const best = largestIntersection(candidates.map((c) => ({ lo: c.offsetMs - c.errorMs, hi: c.offsetMs + c.errorMs })))
  if (best === null || best.count * 2 <= candidates.length) {
    for (const c of candidates) {
      out.push({ server: c.server, address: c.address, reason: 'no-majority', detail: `${best?.count ?? 0} of ${candidates.length} agree`, offsetMs: c.offsetMs, source })
    }
    return { kind: 'unknown', reason: 'no-majority', used: [], rejected: out, checkedAt }
  }
  const used: UsedServer[] = []
  candidates.forEach((c, index) => {
    if (best.members.includes(index)) used.push(c)
    else {
      const detail = `offset ${c.offsetMs.toFixed(1)} ± ${c.errorMs.toFixed(1)} ms is outside the majority’s [${best.lo.toFixed(1)}, ${best.hi.toFixed(1)}] ms`
      out.push({ server: c.server, address: c.address, reason: 'falseticker', detail, offsetMs: c.offsetMs, source })
    }
  })
  return { kind: 'measured', source, offsetMs: (best.lo + best.hi) / 2, errorMs: (best.hi - best.lo) / 2, used, rejected: out, checkedAt }
}

/** How many of all `total` servers agree in `reading`: early results are published only once this is a majority of all of them. */
export function agreeingShare(reading: ClockReading, total: number): boolean {
  return reading.kind === 'measured' && reading.used.length * 2 > total
}
