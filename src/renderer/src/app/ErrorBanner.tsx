import { useStore } from '../store'

/**
 * The last error a call returned. The alert region is always in the page, so
 * screen readers announce an error as it appears; the screens themselves are
 * not live regions (a code changing every 30 s is not news).
 */
export function ErrorBanner() {
  const lastError = useStore((s) => s.lastError)
  const setError = useStore((s) => s.setError)
  return (
    <div role="alert" data-testid="error-region">
      {lastError && (
        <div className="banner banner--error" data-error-kind={lastError.kind}>
          <span>{lastError.message}</span>
          <button type="button" className="button button--ghost" onClick={() => setError(null)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  )
}
