import { useState, type CSSProperties } from 'react'

type CountdownProps = Readonly<{ periodStart: number; period: number; correctionMs: number }>

/**
 * A ring that empties over the code's period. Pure CSS animation: a
 * negative delay starts it at the right point, and it is re-mounted (by key)
 * only when a new frame arrives — no React work while it ticks.
 */
export function Countdown(props: CountdownProps) {
  return <Ring key={props.periodStart} {...props} />
}

function Ring({ periodStart, period, correctionMs }: CountdownProps) {
  // Read once per period, when the ring mounts.
  const [mountedAt] = useState(() => Date.now())
  const elapsedMs = Math.min(Math.max(mountedAt + correctionMs - periodStart, 0), period * 1000)
  const style = { '--period': `${period}s`, '--elapsed': `-${elapsedMs}ms`, '--steps': period * 2 } as CSSProperties
  const left = Math.ceil(period - elapsedMs / 1000)
  return (
    <svg className="countdown" viewBox="0 0 36 36" style={style} role="img" aria-label={`Changes in about ${left} seconds`}>
      <circle className="countdown__track" cx="18" cy="18" r="15.9155" />
      <circle className="countdown__ring" cx="18" cy="18" r="15.9155" pathLength="100" />
    </svg>
  )
}
