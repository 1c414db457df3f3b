import type { CodeFrame, CodeFrames } from '../../contract'

export type HeldFrames = Readonly<{ frames: Record<string, CodeFrame>; correctionMs: number; framesSeq: number }>

/**
 * The frames to show after a set arrives: replies and pushes can arrive out
 * of order (a reply computed before a period boundary, delivered after the
 * boundary's push), so a set older than the one held is dropped (null).
 * A frame equal to the one `shown` stays that object: main pushes every
 * account's frame after any change (an import's 1,000 new ones, say), and
 * rows whose code did not change then do not render again.
 */
export function newestFrames(held: number, incoming: CodeFrames, shown: Readonly<Record<string, CodeFrame>> = {}): HeldFrames | null {
  if (incoming.seq < held) return null
  const frames: Record<string, CodeFrame> = {}
  for (const f of incoming.frames) {
    const before = shown[f.accountId]
    frames[f.accountId] = before !== undefined && sameFrame(before, f) ? before : f
  }
  return { frames, correctionMs: incoming.correctionMs, framesSeq: incoming.seq }
}

const sameFrame = (a: CodeFrame, b: CodeFrame) => a.code === b.code && a.nextCode === b.nextCode && a.periodStart === b.periodStart && a.period === b.period && a.accountId === b.accountId

const periodEnd = (f: CodeFrame) => f.periodStart + f.period * 1000

/** Ms until the first held TOTP or Steam frame's period ends, on the code clock (`codeTimeMs`); null: none will. */
export function msToRollOver(frames: Readonly<Record<string, CodeFrame>>, codeTimeMs: number): number | null {
  let soonest: number | null = null
  for (const f of Object.values(frames)) {
    if (f.period === 0) continue
    const wait = Math.max(0, periodEnd(f) - codeTimeMs)
    if (soonest === null || wait < soonest) soonest = wait
  }
  return soonest
}

/**
 * The frames at `codeTimeMs` (the code clock). A frame whose period has
 * ended shows its next code, which main sent with it, for the period that
 * follows: the codes on screen change on time even while main's fresh
 * frames are on their way (main busy with an import, say). A frame with no
 * code left for now is dropped, so no expired code is ever shown. HOTP
 * frames do not expire. Null: nothing changed.
 */
export function rolledOver(frames: Readonly<Record<string, CodeFrame>>, codeTimeMs: number): Record<string, CodeFrame> | null {
  let changed = false
  const out: Record<string, CodeFrame> = {}
  for (const [id, f] of Object.entries(frames)) {
    if (f.period === 0 || codeTimeMs < periodEnd(f)) {
      out[id] = f
      continue
    }
    changed = true
    if (f.nextCode === null) continue
    const next = { ...f, code: f.nextCode, nextCode: null, periodStart: periodEnd(f) }
    if (codeTimeMs < periodEnd(next)) out[id] = next
  }
  return changed ? out : null
}
