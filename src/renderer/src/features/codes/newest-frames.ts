import type { CodeFrame, CodeFrames } from '../../contract'

export type HeldFrames = Readonly<{ frames: Record<string, CodeFrame>; correctionMs: number; framesSeq: number }>

/**
 * The frames to show after a set arrives: replies and pushes can arrive out
 * of order (a reply computed before a period boundary, delivered after the
 * boundary's push), so a set older than the one held is dropped (null).
 */
export function newestFrames(held: number, incoming: CodeFrames): HeldFrames | null {
  if (incoming.seq < held) return null
  return { frames: Object.fromEntries(incoming.frames.map((f) => [f.accountId, f])), correctionMs: incoming.correctionMs, framesSeq: incoming.seq }
}
