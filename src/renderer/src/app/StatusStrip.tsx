import { useStore } from '../store'

const CLOCK_TEXT = {
  ok: 'Clock in sync',
  warn: 'Clock is off',
  critical: 'Clock is far off',
  unknown: 'Clock not checked yet',
} as const

export function StatusStrip() {
  const clock = useStore((s) => s.clock)
  const info = useStore((s) => s.info)
  const state = clock?.state ?? 'unknown'
  return (
    <footer className="status-strip" aria-label="Status">
      <span className={`status status--${state}`} data-testid="clock-status">
        <span className="status__dot" aria-hidden="true" />
        {CLOCK_TEXT[state]}
      </span>
      <span className="status-strip__spacer" />
      {info && (
        <span className="status-strip__meta" data-testid="app-version">
          SellerGuard {info.version} · {info.runtime === 'web' ? 'web mode' : 'desktop'}
        </span>
      )}
    </footer>
  )
}
