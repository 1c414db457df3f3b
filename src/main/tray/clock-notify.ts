import type { ClockCondition } from '../../shared/clock-condition'
import type { ClockState } from '../../shared/contract'

/** The worst level already notified since the clock was last seen `ok`. */
export type ClockAlertLevel = 'none' | 'warn' | 'critical'

export type ClockNotice = Readonly<{ level: 'warn' | 'critical'; title: string; body: string }>

export type ClockReport = Readonly<{
  state: ClockState
  /** The shared words for this clock (`clockCondition`). */
  condition: Pick<ClockCondition, 'headline' | 'codes'>
}>

export type ClockAlertStep = Readonly<{ alerted: ClockAlertLevel; notice: ClockNotice | null }>

/**
 * Whether a clock check deserves a desktop notification. Pure: pass the
 * previous `alerted` and keep the returned one.
 *
 * - Only a change *into* a worse state notifies: ok → warn, ok → critical,
 *   warn → critical. The checks that follow (every few minutes) stay quiet.
 * - `unknown` (offline, no server answered) changes nothing: it is never an
 *   alarm, and a blip offline between two bad readings is not a new problem.
 * - Getting better (critical → warn) is not news either; flapping around a
 *   threshold therefore notifies once.
 * - Only `ok` re-arms it: once the clock is fixed, a later drift notifies again.
 */
export function nextClockAlert(alerted: ClockAlertLevel, clock: ClockReport): ClockAlertStep {
  switch (clock.state) {
    case 'unknown':
      return { alerted, notice: null }
    case 'ok':
      return { alerted: 'none', notice: null }
    case 'warn':
      return alerted === 'none' ? { alerted: 'warn', notice: noticeFor('warn', clock) } : { alerted, notice: null }
    case 'critical':
      return alerted === 'critical' ? { alerted, notice: null } : { alerted: 'critical', notice: noticeFor('critical', clock) }
  }
}

/** The notice in the same words as every other surface: the headline, then what it does to codes. */
function noticeFor(level: 'warn' | 'critical', clock: ClockReport): ClockNotice {
  return { level, title: clock.condition.headline, body: `${clock.condition.codes ?? ''} Open SellerGuard → Clock for the fix.`.trim() }
}

export interface ClockNotifier {
  /** Feed every clock status; returns the notice to show, if any. */
  update(clock: ClockReport): ClockNotice | null
}

/** `nextClockAlert` with its memory kept in a closure, for the composition root. */
export function createClockNotifier(): ClockNotifier {
  let alerted: ClockAlertLevel = 'none'
  return {
    update(clock) {
      const step = nextClockAlert(alerted, clock)
      alerted = step.alerted
      return step.notice
    },
  }
}
