import { clockCondition, type ClockCondition } from '../../src/shared/clock-condition'
import type { ClockState, ClockStatus } from '../../src/shared/contract'
import { probableTimeZone } from '../../src/shared/time-zone'

export const STATUS_NOW = Date.UTC(2026, 5, 1, 12)

export type SimpleClock = Readonly<{ state: ClockState; offsetMs: number | null; checking: boolean; correctionMs?: number; unknownReason?: ClockStatus['unknownReason'] }>

/**
 * A whole `ClockStatus` from the few facts a test cares about: a state with
 * an offset is a trusted measurement from 4 minutes before `STATUS_NOW`;
 * `unknown` without an offset is a check that got no answer.
 */
export function clockStatusOf(clock: SimpleClock): ClockStatus {
  const measured = clock.offsetMs !== null && clock.state !== 'unknown'
  const timeZone = measured ? probableTimeZone(clock.offsetMs!) : null
  return {
    state: clock.state,
    measurement: measured ? { offsetMs: clock.offsetMs!, errorMs: 1, at: STATUS_NOW - 240_000, source: 'ntp', answered: 4, agreed: 4 } : null,
    doubt: null,
    checkedAt: STATUS_NOW - 240_000,
    unknownReason: clock.unknownReason ?? (measured ? null : 'no-answer'),
    checking: clock.checking,
    correctionMs: clock.correctionMs ?? 0,
    correctionMode: 'auto',
    timeZone,
    servers: [],
  }
}

/** The tray's clock input for these facts, through the one shared mapping. */
export function trayClock(clock: SimpleClock): ClockCondition {
  return clockCondition(clockStatusOf(clock), STATUS_NOW)
}

/**
 * The clock's status with a trusted NTP measurement of `offsetMs` taken at
 * `measuredAt` (null: none yet), in sync unless `over` says otherwise; for
 * tests that step through time (the checklist's evidence).
 */
export function clockAt(measuredAt: number | null, offsetMs: number, over: Partial<ClockStatus> = {}): ClockStatus {
  return {
    state: measuredAt === null ? 'unknown' : 'ok',
    measurement: measuredAt === null ? null : { offsetMs, errorMs: 20, at: measuredAt, source: 'ntp', answered: 3, agreed: 3 },
    doubt: null,
    checkedAt: measuredAt,
    unknownReason: null,
    checking: false,
    correctionMs: 0,
    correctionMode: 'off',
    timeZone: null,
    servers: [],
    ...over,
  }
}
