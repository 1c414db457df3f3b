import { z } from 'zod'
import { method } from './define'
import { AccountId } from './accounts'

export const ClockState = z.enum(['ok', 'warn', 'critical', 'unknown'])
export type ClockState = z.infer<typeof ClockState>

/** One NTP server's part in the last check. */
export const ServerResult = z.object({
  /** As configured ("time.google.com", "127.0.0.1:12300"). */
  server: z.string(),
  address: z.string().nullable(),
  used: z.boolean(),
  /** Why it was not used (timeout, dns, falseticker, kod-rate, unsynchronised, …). */
  reason: z.string().nullable(),
  detail: z.string().nullable(),
  /** What it said, ms (server minus this computer). */
  offsetMs: z.number().nullable(),
  /** Round trip, ms. */
  delayMs: z.number().nullable(),
  stratum: z.number().int().nullable(),
})
export type ServerResult = z.infer<typeof ServerResult>

export const ClockStatus = z.object({
  /** `unknown` means no usable measurement (offline, every server failed): never an alarm. */
  state: ClockState,
  /** Server time minus system time, ms; null when unknown. Positive: the computer is behind. */
  offsetMs: z.number().nullable(),
  /** Half-width of the interval the true offset lies in, ms. */
  errorMs: z.number().nullable(),
  /** When the last check finished, ms since the epoch (system clock). */
  checkedAt: z.number().nullable(),
  checking: z.boolean(),
  /** Added to the system clock for codes (0 = codes use the system clock). */
  correctionMs: z.number(),
  /** The user's choice for corrected time. */
  correctionMode: z.enum(['auto', 'on', 'off']),
  /** Whole hours the offset is close to: a probable time-zone mistake. */
  timeZoneHours: z.number().int().nullable(),
  /** Why the state is unknown: no servers configured, none answered, or they disagreed. */
  unknownReason: z.enum(['no-servers', 'no-answer', 'no-majority', 'check-failed']).nullable(),
  /** The last reading that had a number, kept while offline. */
  lastMeasured: z.object({ offsetMs: z.number(), errorMs: z.number(), checkedAt: z.number() }).nullable(),
  servers: z.array(ServerResult),
})
export type ClockStatus = z.infer<typeof ClockStatus>

export const ClockHistoryEntry = z.object({ at: z.number(), state: ClockState, offsetMs: z.number().nullable(), errorMs: z.number().nullable() })
export type ClockHistoryEntry = z.infer<typeof ClockHistoryEntry>

/** An account's codes either side of now, for "code rejected?". */
export const CodesAround = z.object({
  accountId: AccountId,
  previous: z.string().nullable(),
  current: z.string(),
  next: z.string(),
  /** Seconds until `current` expires; null for HOTP. */
  secondsLeft: z.number().int().nullable(),
  period: z.number().int(),
  /** The clock these codes were computed on: system time plus this, ms. */
  correctionMs: z.number(),
})
export type CodesAround = z.infer<typeof CodesAround>

export const clockMethods = {
  status: method(z.void(), ClockStatus),
  /** Check against the NTP servers now (joins a check already running). */
  check: method(z.void(), ClockStatus),
  history: method(z.void(), z.array(ClockHistoryEntry)),
  around: method(z.object({ id: AccountId }).strict(), CodesAround),
  /** Opens the OS's date & time settings where that is possible (Windows: ms-settings:dateandtime). */
  openSettings: method(z.void(), z.object({ opened: z.boolean() })),
}

export const clockEvents = {
  status: ClockStatus,
}
