import type { ClockHistoryEntry } from '../../contract'

/** Checks the chart shows: the most recent ones. */
export const CHART_WINDOW = 48

/** The bands where codes start to fail (half a 30 s step) and fail outright (a whole step), ms. */
export const BANDS_MS = [15_000, 30_000] as const

/**
 * Below this the axis is linear, above it logarithmic, ms. A symmetric log
 * scale keeps ±8 s, −37 s and −200 s apart even beside a 3-hour reading,
 * where a linear axis would flatten them all onto the zero line.
 */
const LINEAR_MS = 5_000

const TICKS_MS = [15_000, 30_000, 120_000, 600_000, 3_600_000, 6 * 3_600_000, 86_400_000]

export type ChartPoint = Readonly<{ at: number; offsetMs: number; errorMs: number | null; state: ClockHistoryEntry['state']; source: ClockHistoryEntry['source'] }>

export type ChartModel = Readonly<{
  /** The window's checks that measured, oldest first. */
  points: readonly ChartPoint[]
  /** The window's checks without a number (offline, disagreed): gaps in the line. */
  gaps: readonly number[]
  /** The axis runs from −maxMs to +maxMs. */
  maxMs: number
  /** Labelled grid lines (both signs are drawn), ms. */
  ticksMs: readonly number[]
  from: number
  to: number
  /** Vertical position of an offset: −1 (bottom) … +1 (top). */
  y(offsetMs: number): number
  /** Horizontal position of a time: 0 … 1; a single check sits in the middle. */
  x(at: number): number
}>

const symlog = (ms: number) => Math.sign(ms) * Math.log1p(Math.abs(ms) / LINEAR_MS)

/** The chart of the last `windowSize` checks: a scale fitted to what is visible, and the positions of everything. */
export function chartModel(history: readonly ClockHistoryEntry[], windowSize = CHART_WINDOW): ChartModel {
  const window = history.slice(-windowSize)
  const points: ChartPoint[] = window
    .filter((h): h is ClockHistoryEntry & { offsetMs: number } => h.offsetMs !== null)
    .map((h) => ({ at: h.at, offsetMs: h.offsetMs, errorMs: h.errorMs, state: h.state, source: h.source ?? null }))
  const largest = Math.max(0, ...points.map((p) => Math.abs(p.offsetMs)))
  // Always room for the ±30 s band, and a little headroom above the largest point.
  const maxMs = Math.max(60_000, largest * 1.25)
  const ticksMs = TICKS_MS.filter((t) => t < maxMs)
  const from = window[0]?.at ?? 0
  const to = window[window.length - 1]?.at ?? 0
  return {
    points,
    gaps: window.filter((h) => h.offsetMs === null).map((h) => h.at),
    maxMs,
    ticksMs,
    from,
    to,
    y: (ms) => symlog(Math.max(-maxMs, Math.min(maxMs, ms))) / symlog(maxMs),
    x: (at) => (to === from ? 0.5 : (at - from) / (to - from)),
  }
}
