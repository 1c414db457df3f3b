import { describeOffset, formatDuration } from './offset-text'

/**
 * "Code rejected?": which code the site expects at this moment, and why.
 *
 * SellerGuard shows the code of the time step of its code clock, `system +
 * correction`. The site checks against the true time, `system + offset`
 * (the measured offset). RFC 6238 §4: a code belongs to step ⌊t / period⌋.
 * So the shown code is the expected one exactly when both times fall in the
 * same step. With the code clock fast by f < period (true time behind it),
 * the code clock enters each new step f early: during the FIRST f of each
 * countdown the site still expects the previous code. With it slow by s,
 * the site enters each new step s early: during the LAST s of each countdown
 * it already expects the next code. From one whole period on, the shown
 * code is never the expected one.
 */

export type CodeRelation = 'previous' | 'current' | 'next' | 'earlier' | 'later'

export type CodeTimingInput = Readonly<{
  /** System clock, ms since the epoch. */
  nowMs: number
  /** True time minus system time, ms (a trusted measurement); null when not known. */
  offsetMs: number | null
  /** What the shown codes add to the system clock, ms. */
  correctionMs: number
  /** Seconds per step. */
  periodS: number
}>

export type CodeTiming = Readonly<{
  /** Step of the code shown as "current". */
  shownStep: number
  /** Whole seconds the shown code has left on SellerGuard's countdown (1…period). */
  shownSecondsLeft: number
  /** Step the site expects; null when the true time is not known. */
  expectedStep: number | null
  /** The expected code relative to the shown one; null when not known. */
  relation: CodeRelation | null
  /** Whole seconds the expected code has left on the site (1…period); null when not known. */
  expectedSecondsLeft: number | null
  /** How far the code clock is behind the true time, ms (offset − correction): negative = codes are early ("fast"). */
  skewMs: number | null
  /** The part of each shown countdown in which the shown code is not the expected one; null when there is none (or unknown). */
  badWindow: Readonly<{ part: 'first' | 'last' | 'all'; seconds: number }> | null
  /** ms until the next moment this answer changes (a step boundary on either clock): recompute then at the latest. */
  msUntilChange: number
}>

/** Below this the code clock and the true time are the same for every practical purpose, ms. */
export const SKEW_NEGLIGIBLE_MS = 1_000

const relationOf = (delta: number): CodeRelation => (delta === 0 ? 'current' : delta === -1 ? 'previous' : delta === 1 ? 'next' : delta < 0 ? 'earlier' : 'later')

export function codeTiming(input: CodeTimingInput): CodeTiming {
  const p = input.periodS * 1000
  const shownTime = input.nowMs + input.correctionMs
  const shownStep = Math.floor(shownTime / p)
  const shownMsLeft = (shownStep + 1) * p - shownTime
  if (input.offsetMs === null) {
    return { shownStep, shownSecondsLeft: Math.ceil(shownMsLeft / 1000), expectedStep: null, relation: null, expectedSecondsLeft: null, skewMs: null, badWindow: null, msUntilChange: Math.min(shownMsLeft, msToNextSecond(shownTime)) }
  }
  const trueTime = input.nowMs + input.offsetMs
  const expectedStep = Math.floor(trueTime / p)
  const trueMsLeft = (expectedStep + 1) * p - trueTime
  const skewMs = input.offsetMs - input.correctionMs
  return {
    shownStep,
    shownSecondsLeft: Math.ceil(shownMsLeft / 1000),
    expectedStep,
    relation: relationOf(expectedStep - shownStep),
    expectedSecondsLeft: Math.ceil(trueMsLeft / 1000),
    skewMs,
    badWindow: badWindowOf(skewMs, p),
    // The whole-second countdowns of both clocks change on their own second boundaries.
    msUntilChange: Math.min(shownMsLeft, trueMsLeft, msToNextSecond(shownTime), msToNextSecond(trueTime)),
  }
}

function msToNextSecond(t: number): number {
  return 1000 - (((t % 1000) + 1000) % 1000)
}

function badWindowOf(skewMs: number, periodMs: number): CodeTiming['badWindow'] {
  const abs = Math.abs(skewMs)
  if (abs >= periodMs) return { part: 'all', seconds: periodMs / 1000 }
  const seconds = Math.round(abs / 1000)
  if (abs < SKEW_NEGLIGIBLE_MS && seconds === 0) return null
  return { part: skewMs < 0 ? 'first' : 'last', seconds: Math.max(1, seconds) }
}

const RELATION_WORDS: Readonly<Record<CodeRelation, string>> = {
  previous: 'the previous code',
  current: 'the current code',
  next: 'the next code',
  earlier: 'a code from before the previous one',
  later: 'a code from after the next one',
}

/** "the previous code (12 s left)". */
export function expectedCodeWords(timing: CodeTiming): string | null {
  if (timing.relation === null || timing.expectedSecondsLeft === null) return null
  return `${RELATION_WORDS[timing.relation]} (${timing.expectedSecondsLeft} s left)`
}

/**
 * The advice, in words, direction-aware. `offsetMs` and `correctionMs` as in
 * {@link CodeTimingInput}; `timing` from {@link codeTiming} for the same moment.
 */
export function codeAdvice(timing: CodeTiming, offsetMs: number | null, correctionMs: number, periodS: number): string {
  if (offsetMs === null || timing.skewMs === null) {
    return 'SellerGuard has no trusted measurement of your clock right now, so it cannot tell which code the site expects. Try the current code; if it is refused, wait for the next one and try again.'
  }
  const now = `Right now the site expects ${expectedCodeWords(timing)}.`
  const clock = Math.round(Math.abs(offsetMs) / 1000) === 0 ? 'Your clock is right' : `Your clock is ${describeOffset(offsetMs)}`
  const window = timing.badWindow
  if (window === null) {
    const why = correctionMs !== 0 ? `${clock}, and SellerGuard computes your codes on the corrected time, so` : `${clock}, so`
    return `${why} the code SellerGuard shows is the one the site expects. If it is still refused, check that you picked the right account, and that the site did not ask for a code from another app.`
  }
  // With a correction, what matters is how far the shown codes still are from the true time.
  const subject = correctionMs === 0 ? `${clock}.` : `${clock}; even with SellerGuard’s correction, the codes it shows are ${describeOffset(timing.skewMs)} of the real time.`
  if (window.part === 'all') {
    return `${subject} That is a whole code step (${periodS} s) or more, so the code SellerGuard shows never works. ${now} Copy it below, and fix your clock or turn on “Use corrected time for codes” in Settings.`
  }
  const span = formatDuration(window.seconds * 1000)
  const when =
    window.part === 'first'
      ? `In the first ${span} of each countdown the site still expects the previous code.`
      : `In the last ${span} of each countdown the site already expects the next code.`
  return `${subject} ${when} ${now}`
}
