import type { CSSProperties } from 'react'
import { percentDone } from '../contract'

/** done / total as a ring with the percentage in the middle (rounded down, as in reports: never 100 % with items left). */
export function ProgressRing({ done, total, size = 56, label }: Readonly<{ done: number; total: number; size?: number; label: string }>) {
  const share = total === 0 ? 0 : done / total
  return (
    <svg className="progress-ring" width={size} height={size} viewBox="0 0 36 36" role="img" aria-label={`${label}: ${done} of ${total} done`} style={{ '--share': share } as CSSProperties}>
      <circle className="progress-ring__track" cx="18" cy="18" r="15.9155" />
      {/* Nothing done draws nothing: a round cap on an empty arc would show as a dot of progress. */}
      {done > 0 && <circle className="progress-ring__value" cx="18" cy="18" r="15.9155" pathLength="100" strokeDasharray={`${(share * 100).toFixed(1)} 100`} />}
      <text x="18" y="21" textAnchor="middle" className="progress-ring__text">
        {percentDone({ done, total })}%
      </text>
    </svg>
  )
}
