import type { ClockHistoryEntry } from '../../contract'

const W = 560
const H = 140
const PAD = 24
/** Room for the axis labels. */
const LEFT = 52

/** Offset over time as a small line chart; unknown readings are gaps, not zeros. */
export function OffsetChart({ history }: Readonly<{ history: readonly ClockHistoryEntry[] }>) {
  const points = history.filter((h) => h.offsetMs !== null) as Array<ClockHistoryEntry & { offsetMs: number }>
  if (points.length === 0) return <p className="muted">No measurements yet.</p>
  const t0 = history[0]!.at
  const t1 = Math.max(history[history.length - 1]!.at, t0 + 1)
  const maxAbs = Math.max(5_000, ...points.map((p) => Math.abs(p.offsetMs)))
  const x = (t: number) => LEFT + ((t - t0) / (t1 - t0)) * (W - LEFT - PAD)
  const y = (ms: number) => H / 2 - (ms / maxAbs) * (H / 2 - PAD / 2)
  let path = ''
  let pen = false
  for (const h of history) {
    if (h.offsetMs === null) {
      pen = false
      continue
    }
    path += `${pen ? 'L' : 'M'}${x(h.at).toFixed(1)},${y(h.offsetMs).toFixed(1)} `
    pen = true
  }
  const label = `Offset over the last ${history.length} checks, from ${Math.round(Math.min(...points.map((p) => p.offsetMs)))} to ${Math.round(Math.max(...points.map((p) => p.offsetMs)))} ms`
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="offset-chart">
      <line className="chart__zero" x1={LEFT} x2={W - PAD} y1={H / 2} y2={H / 2} />
      <text className="chart__label" x={4} y={y(maxAbs) + 4}>
        +{(maxAbs / 1000).toFixed(0)} s
      </text>
      <text className="chart__label" x={4} y={H / 2 + 4}>
        0
      </text>
      <text className="chart__label" x={4} y={y(-maxAbs)}>
        −{(maxAbs / 1000).toFixed(0)} s
      </text>
      <path className="chart__line" d={path} />
      {points.map((p) => (
        <circle key={p.at} className={`chart__dot chart__dot--${p.state}`} cx={x(p.at)} cy={y(p.offsetMs)} r={3} />
      ))}
    </svg>
  )
}
