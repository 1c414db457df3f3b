import { z } from 'zod'
import { method } from './define'
import { AccountId } from './accounts'

export const ClockState = z.enum(['ok', 'warn', 'critical', 'unknown'])
export type ClockState = z.infer<typeof ClockState>

/** Where a measurement came from: NTP servers, or the `Date` headers of HTTPS sites when no NTP server answers. */
export const ClockSource = z.enum(['ntp', 'https'])
export type ClockSource = z.infer<typeof ClockSource>

/** Why a check gave no number: no servers configured, none answered, they disagreed, or the check itself failed. */
export const UnknownReason = z.enum(['no-servers', 'no-answer', 'no-majority', 'check-failed'])
export type UnknownReason = z.infer<typeof UnknownReason>

/** One NTP server's (or HTTPS host's) part in the last check. */
export const ServerResult = z.object({
  /** As configured ("time.google.com", "127.0.0.1:12300", "sellercentral.amazon.com"). */
  server: z.string(),
  source: ClockSource,
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

/** A measurement SellerGuard trusts: kept across failed checks and restarts until a new one replaces it. */
export const ClockMeasurement = z.object({
  /** Server time minus system time, ms. Positive: the computer is behind. */
  offsetMs: z.number(),
  /** Half-width of the interval the true offset lies in, ms. */
  errorMs: z.number().nonnegative(),
  /** When it was measured, ms since the epoch (system clock). */
  at: z.number(),
  source: ClockSource,
  /** Servers (or hosts) that answered, and how many of them agreed on the result. */
  answered: z.number().int().nonnegative(),
  agreed: z.number().int().nonnegative(),
})
export type ClockMeasurement = z.infer<typeof ClockMeasurement>

export const ClockStatus = z.object({
  /**
   * The verdict on `measurement`: `unknown` when there is none, or when it
   * is in doubt (never an alarm). A failed check does not change it.
   */
  state: ClockState,
  /** The last trusted measurement (null: none yet). */
  measurement: ClockMeasurement.nullable(),
  /** The measurement predates a wake from sleep or a network change and has not been re-checked yet. */
  doubt: z.enum(['resume', 'network']).nullable(),
  /** When the last check finished, whatever its outcome, ms since the epoch (system clock). */
  checkedAt: z.number().nullable(),
  /** Why the last check gave no number; null when it measured or none has finished. */
  unknownReason: UnknownReason.nullable(),
  checking: z.boolean(),
  /** Added to the system clock for codes (0 = codes use the system clock), ms. */
  correctionMs: z.number(),
  /** The user's choice for corrected time. */
  correctionMode: z.enum(['auto', 'on', 'off']),
  /** The measurement is close to a real UTC offset: a probable time-zone mistake, and what remains beyond it. */
  timeZone: z.object({ zoneMinutes: z.number().int(), residualMs: z.number() }).nullable(),
  /** The servers (and HTTPS hosts) of the last check. */
  servers: z.array(ServerResult),
})
export type ClockStatus = z.infer<typeof ClockStatus>

export const ClockHistoryEntry = z.object({
  at: z.number(),
  state: ClockState,
  offsetMs: z.number().nullable(),
  errorMs: z.number().nullable(),
  source: ClockSource.nullable().default(null),
})
export type ClockHistoryEntry = z.infer<typeof ClockHistoryEntry>

/** One time step's code, for "code rejected?". */
export const StepCode = z.object({ step: z.number().int().nonnegative(), code: z.string() })

/** An account's codes either side of now and of the true time, for "code rejected?". */
export const CodesAround = z.object({
  accountId: AccountId,
  kind: z.enum(['totp', 'hotp']),
  /** TOTP: the codes of every time step from before the earlier of (shown, true) step to after the later; HOTP: counter − 1 … + 1. */
  codes: z.array(StepCode),
  /** Seconds per step (0 for HOTP). */
  period: z.number().int(),
  /** The clock the shown codes are computed on: system time plus this, ms. */
  correctionMs: z.number(),
  /** The trusted measured offset (true time minus system time), ms; null when not known or in doubt. */
  offsetMs: z.number().nullable(),
  /** Main's system clock when these were computed, ms since the epoch. */
  at: z.number(),
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
