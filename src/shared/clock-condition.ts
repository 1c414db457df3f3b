import type { ClockStatus } from './contract/clock'
import { describeAge, describeOffset, formatDetailMs, formatDuration } from './offset-text'

/**
 * Every clock state, in the same words on every surface (status strip,
 * banner, codes page, Clock screen, tray, notifications, helper, checklist).
 *
 * - `never-checked`: no check has finished and nothing is remembered.
 * - `checking`: the first check (or a re-check of a doubtful measurement) is running.
 * - `in-sync`, `off`, `time-zone`: the verdict on the trusted measurement,
 *   which a later failed check does not undo (its age is said instead).
 * - `disagreed`, `offline`: the last check gave no number and nothing is
 *   trusted; never an alarm.
 */
export type ClockConditionKind = 'never-checked' | 'checking' | 'in-sync' | 'off' | 'time-zone' | 'disagreed' | 'offline'

export type ClockTone = 'ok' | 'warn' | 'critical' | 'unknown'

export type ClockCondition = Readonly<{
  kind: ClockConditionKind
  tone: ClockTone
  /** A few words, for the status strip and the tray: "Clock 37 s ahead". */
  short: string
  /** One sentence: "Your computer’s clock is 37 s ahead." */
  headline: string
  /** What this means for codes, or null when nothing is known. */
  codes: string | null
  /** The same in a few words, for the tray beside `short`: "codes use corrected time"; null when the clock is fine or unknown. */
  codesShort: 'codes use corrected time' | 'codes will be rejected' | 'codes may be rejected' | null
  /** Where the verdict comes from and how old it is: "HTTPS time, ±48 ms · measured 4 min ago". */
  source: string | null
  /** Said beside the verdict when it is not fresh or not robust (a failed last check, a doubt, too few servers). */
  caveat: string | null
  /** "measured 4 min ago" when the verdict is kept from an earlier check (the latest one failed); null when it is fresh. */
  age: string | null
  /** Codes are computed on corrected time. */
  corrected: boolean
}>

const CLOCK = 'Your computer’s clock'

const NOT_AN_ALARM = 'This says nothing about your clock, so it is not an alarm.'

const LAST_CHECK_WORDS: Readonly<Record<NonNullable<ClockStatus['unknownReason']>, string>> = {
  'no-servers': 'no time servers are set (add some in Settings)',
  'no-answer': 'no time server answered (offline?)',
  'no-majority': 'the time servers disagreed with each other',
  'check-failed': 'the check failed inside SellerGuard',
}

/** "1 server answered; …": whether one wrong server could mislead the result. Only ≥ 3 answering make that claim true. */
export function robustnessWords(answered: number, agreed: number, source: 'ntp' | 'https'): string {
  const what = source === 'https' ? (answered === 1 ? 'site' : 'sites') : answered === 1 ? 'time server' : 'time servers'
  if (answered >= 3) return `${agreed} of ${answered} ${what} agreed, so one wrong ${source === 'https' ? 'site' : 'server'} cannot mislead the check.`
  if (answered === 2) return `Only 2 ${what} answered: if one of them were wrong, the check could not tell which.`
  return `Only 1 ${what} answered, so SellerGuard cannot tell whether it is right.`
}

function sourceWords(status: ClockStatus, nowMs: number): string | null {
  const m = status.measurement
  if (!m) return null
  const how = m.source === 'https' ? 'HTTPS time' : 'NTP'
  return `${how}, ±${formatDetailMs(Math.max(1, m.errorMs), 0)} ms · measured ${describeAge(nowMs - m.at)}`
}

function caveatWords(status: ClockStatus, nowMs: number): string | null {
  const m = status.measurement
  if (!m) return null
  const age = describeAge(nowMs - m.at)
  if (status.doubt !== null) {
    const why = status.doubt === 'resume' ? 'the computer has slept since' : 'the network has changed since'
    const then = status.checking ? 'Checking again now.' : status.unknownReason ? `The re-check failed: ${LAST_CHECK_WORDS[status.unknownReason]}.` : 'Checking again.'
    return `The last measurement (${describeOffset(m.offsetMs)}, ${age}) may be out of date: ${why}. ${then}`
  }
  const parts: string[] = []
  if (status.unknownReason !== null && status.checkedAt !== null && status.checkedAt > m.at) parts.push(`Measured ${age}; the last check failed because ${LAST_CHECK_WORDS[status.unknownReason]}.`)
  if (m.answered < 3) parts.push(robustnessWords(m.answered, m.agreed, m.source))
  return parts.length > 0 ? parts.join(' ') : null
}

/** What an offset that is off does to the codes shown, direction-aware. */
function codesWhenOff(status: ClockStatus, offsetMs: number): string {
  if (status.correctionMs !== 0) return 'SellerGuard’s codes use corrected time, so they still work. Fix the clock so that other apps are right too.'
  if (status.state === 'critical') return 'Codes made on this clock will be rejected. Fix the clock, or turn on corrected time in Settings.'
  const span = formatDuration(offsetMs)
  return offsetMs < 0
    ? `Codes may be rejected in the first ${span} of each countdown. Fix the clock, or turn on corrected time in Settings.`
    : `Codes may be rejected in the last ${span} of each countdown. Fix the clock, or turn on corrected time in Settings.`
}

function timeZoneWords(zoneMinutes: number, residualMs: number): string {
  const zone = formatDuration(zoneMinutes * 60_000)
  const rest =
    Math.round(Math.abs(residualMs) / 1000) === 0
      ? 'Beyond that, the clock itself is right.'
      : `Beyond the time zone, the clock is also ${describeOffset(residualMs)}.`
  return `That is almost exactly a time-zone difference (${zone}), so the time zone is probably set wrong, not the clock. ${rest}`
}

/** The one mapping from a clock status to words. `nowMs`: this process's system clock, for ages. */
export function clockCondition(status: ClockStatus | null, nowMs: number): ClockCondition {
  const base = { source: null, caveat: null, codesShort: null, age: null, corrected: (status?.correctionMs ?? 0) !== 0 }
  if (status === null || (status.measurement === null && status.checkedAt === null && !status.checking)) {
    return { ...base, kind: 'never-checked', tone: 'unknown', short: 'Clock not checked yet', headline: 'SellerGuard has not checked your computer’s clock yet.', codes: null }
  }
  const m = status.measurement
  const trusted = m !== null && status.doubt === null && status.state !== 'unknown'
  if (!trusted) {
    const caveat = caveatWords(status, nowMs)
    if (status.checking) {
      return { ...base, caveat, kind: 'checking', tone: 'unknown', short: 'Checking the clock…', headline: 'Checking your computer’s clock against time servers…', codes: null }
    }
    if (status.unknownReason === 'no-majority') {
      return { ...base, caveat, kind: 'disagreed', tone: 'unknown', short: 'Clock unknown: servers disagreed', headline: `The time servers disagreed with each other, so SellerGuard cannot tell whether your clock is right. ${NOT_AN_ALARM}`, codes: null }
    }
    if (status.unknownReason === 'no-servers' || (status.unknownReason === null && m === null)) {
      return { ...base, caveat, kind: 'never-checked', tone: 'unknown', short: 'Clock not checked: no servers', headline: 'No time servers are set, so SellerGuard cannot check your clock. Add some in Settings.', codes: null }
    }
    if (m !== null && status.unknownReason === null) {
      // A measurement too uncertain to grade: it measured, but cannot tell ok from off.
      return { ...base, caveat, source: sourceWords(status, nowMs), kind: 'offline', tone: 'unknown', short: 'Clock unknown: measurement too uncertain', headline: `The measurement (±${formatDuration(m.errorMs)}) was too uncertain to tell whether your clock is right. ${NOT_AN_ALARM}`, codes: null }
    }
    const why = status.unknownReason === 'check-failed' ? 'The clock check failed inside SellerGuard; it will try again.' : 'No time server answered (offline?).'
    return { ...base, caveat, kind: 'offline', tone: 'unknown', short: 'Clock not checked (offline?)', headline: `${why} ${NOT_AN_ALARM}`, codes: null }
  }

  const source = sourceWords(status, nowMs)
  const caveat = caveatWords(status, nowMs)
  const offset = m.offsetMs
  const age = status.unknownReason !== null && status.checkedAt !== null && status.checkedAt > m.at ? `measured ${describeAge(nowMs - m.at)}` : null
  if (status.state === 'ok') {
    return { ...base, source, caveat, age, kind: 'in-sync', tone: 'ok', short: 'Clock in sync', headline: `${CLOCK} is in sync (${describeOffset(offset)}).`, codes: 'Your codes are computed at the right time.' }
  }
  const tone = status.state
  const codes = status.timeZone !== null ? codesWhenOff(status, offset).replace('Fix the clock', 'Set the time zone') : codesWhenOff(status, offset)
  const codesShort = base.corrected ? 'codes use corrected time' : tone === 'critical' ? 'codes will be rejected' : 'codes may be rejected'
  if (status.timeZone !== null) {
    return {
      ...base,
      source,
      caveat,
      kind: 'time-zone',
      tone,
      codesShort,
      age,
      short: `Clock ${describeOffset(offset)} (time zone?)`,
      headline: `${CLOCK} is ${describeOffset(offset)}. ${timeZoneWords(status.timeZone.zoneMinutes, status.timeZone.residualMs)}`,
      codes,
    }
  }
  return { ...base, source, caveat, codesShort, age, kind: 'off', tone, short: `Clock ${describeOffset(offset)}`, headline: `${CLOCK} is ${describeOffset(offset)}.`, codes }
}
