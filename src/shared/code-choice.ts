import type { CodeFrame } from './contract'

export type CodeChoice = Readonly<{
  code: string
  which: 'current' | 'next'
  /** Seconds the chosen code stays valid (the next one: its whole period plus what is left of this one); null for HOTP. */
  secondsLeft: number | null
}>

/**
 * Which code a copy puts on the clipboard — the one rule for a click, Enter,
 * the tray and the quick pick.
 *
 * `next` asked for: the next code. Otherwise the current one, unless the
 * "copy the next code instead" setting is on (`belowSeconds` > 0) and fewer
 * than that many seconds of it are left: by the time it is pasted and
 * submitted, the current code has likely expired, while the next one has
 * become current. Submitted sooner, the next code works only where the site
 * accepts a step ahead (RFC 6238 section 5.2 leaves the window to the
 * site), which is why the setting is off by default.
 *
 * `codeTimeMs`: now on the clock codes use (system clock + correction).
 */
export function chooseCode(frame: CodeFrame, asked: 'current' | 'next', belowSeconds: number, codeTimeMs: number): CodeChoice {
  if (frame.period === 0) return { code: frame.code, which: 'current', secondsLeft: null }
  const left = Math.max(0, (frame.periodStart + frame.period * 1000 - codeTimeMs) / 1000)
  const wantsNext = asked === 'next' || (belowSeconds > 0 && left < belowSeconds)
  if (wantsNext && frame.nextCode) return { code: frame.nextCode, which: 'next', secondsLeft: Math.round((left + frame.period) * 10) / 10 }
  return { code: frame.code, which: 'current', secondsLeft: Math.round(left * 10) / 10 }
}
