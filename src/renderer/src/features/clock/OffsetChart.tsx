import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { describeOffset, formatDetailMs, formatDuration, MINUS, type ClockHistoryEntry } from '../../contract'
import { BANDS_MS, chartModel, type ChartPoint } from './chart-scale'

const W = 640
const H = 200
const LEFT = 64
const RIGHT = 16
const TOP = 12
const BOTTOM = 28

const time = (at: number) => new Date(at).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })

/** "14:05 (Jun 1): 37 s ahead (NTP, ±1.2 ms)". */
function pointText(p: ChartPoint): string {
  const how = p.source === 'https' ? 'HTTPS time' : 'NTP'
  return `${time(p.at)}: ${describeOffset(p.offsetMs)} (${how}, ±${formatDetailMs(p.errorMs ?? 0)} ms)`
}

/**
 * Offset over the last checks: a scale fitted to the visible window, a
 * time axis, the ±15 s and ±30 s bands where codes start to fail, and every
 * value on hover or keyboard focus (one tab stop; arrow keys move between
 * checks, Home and End jump to the first and last).
 */
export function OffsetChart({ history }: Readonly<{ history: readonly ClockHistoryEntry[] }>) {
  const model = chartModel(history)
  const [active, setActive] = useState<number | null>(null)
  const dots = useRef<(SVGCircleElement | null)[]>([])
  const moved = useRef(false)
  // Roving focus: the arrow keys move the one tab stop, and focus follows it.
  useEffect(() => {
    if (!moved.current || active === null) return
    moved.current = false
    dots.current[active]?.focus()
  }, [active])
  if (model.points.length === 0) return <p className="muted">No measurements yet.</p>
  const { points } = model
  const focus = active === null ? points.length - 1 : Math.min(active, points.length - 1)
  const px = (at: number) => LEFT + model.x(at) * (W - LEFT - RIGHT)
  const py = (ms: number) => TOP + ((1 - model.y(ms)) / 2) * (H - TOP - BOTTOM)

  let path = ''
  let pen = false
  for (const h of history.slice(-points.length - model.gaps.length)) {
    if (h.offsetMs === null) {
      pen = false
      continue
    }
    path += `${pen ? 'L' : 'M'}${px(h.at).toFixed(1)},${py(h.offsetMs).toFixed(1)} `
    pen = true
  }

  function onKey(e: KeyboardEvent) {
    const next = e.key === 'ArrowLeft' ? focus - 1 : e.key === 'ArrowRight' ? focus + 1 : e.key === 'Home' ? 0 : e.key === 'End' ? points.length - 1 : null
    if (next === null) return
    e.preventDefault()
    moved.current = true
    setActive(Math.max(0, Math.min(points.length - 1, next)))
  }

  const shown = points[focus]!
  const label = `Offset over the last ${points.length} measurements, ${time(model.from)} to ${time(model.to)}. Use the arrow keys to hear each one.`
  return (
    <figure className="chart-figure">
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="group" aria-label={label} data-testid="offset-chart" onKeyDown={onKey}>
        {[...BANDS_MS].reverse().map((band) => (
          <rect key={band} className={`chart__band chart__band--${band / 1000}`} x={LEFT} width={W - LEFT - RIGHT} y={py(band)} height={py(-band) - py(band)} aria-hidden="true" />
        ))}
        <line className="chart__zero" x1={LEFT} x2={W - RIGHT} y1={py(0)} y2={py(0)} aria-hidden="true" />
        {model.ticksMs.flatMap((t) =>
          [t, -t].map((v) => (
            <g key={v} aria-hidden="true">
              <line className="chart__grid" x1={LEFT} x2={W - RIGHT} y1={py(v)} y2={py(v)} />
              <text className="chart__label" x={LEFT - 6} y={py(v) + 4} textAnchor="end">
                {v > 0 ? '+' : MINUS}
                {formatDuration(t)}
              </text>
            </g>
          )),
        )}
        <text className="chart__label" x={LEFT - 6} y={py(0) + 4} textAnchor="end" aria-hidden="true">
          0
        </text>
        <text className="chart__label" x={LEFT} y={H - 8} aria-hidden="true" data-testid="chart-from">
          {time(model.from)}
        </text>
        <text className="chart__label" x={W - RIGHT} y={H - 8} textAnchor="end" aria-hidden="true" data-testid="chart-to">
          {time(model.to)}
        </text>
        <text className="chart__label chart__label--band" x={W - RIGHT - 4} y={py(15_000) + 12} textAnchor="end" aria-hidden="true">
          ±15 s: codes start to fail
        </text>
        <path className="chart__line" d={path} aria-hidden="true" />
        {points.map((p, i) => (
          <circle
            key={`${p.at}-${i}`}
            className={`chart__dot chart__dot--${p.state}${i === focus ? ' chart__dot--active' : ''}`}
            cx={px(p.at)}
            cy={py(p.offsetMs)}
            r={i === focus ? 6 : 4}
            tabIndex={i === focus ? 0 : -1}
            role="img"
            aria-label={pointText(p)}
            data-testid="chart-point"
            ref={(el) => {
              dots.current[i] = el
            }}
            onMouseEnter={() => setActive(i)}
            onFocus={() => setActive(i)}
          />
        ))}
      </svg>
      <figcaption className="chart__readout" data-testid="chart-readout">
        {pointText(shown)}
      </figcaption>
    </figure>
  )
}
