import { useEffect } from 'react'
import { useStore } from '../store'

/** One message at a time, gone after a few seconds. The status region is always in the page, so screen readers announce each message politely. */
export function Toast() {
  const toast = useStore((s) => s.toast)
  const dismiss = useStore((s) => s.dismissToast)
  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(dismiss, toast.action ? 10_000 : 4_000)
    return () => clearTimeout(timer)
  }, [toast, dismiss])
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" key={toast.id} data-testid="toast">
          <span>{toast.message}</span>
          {toast.action && (
            <button type="button" className="button button--small" onClick={toast.action.run}>
              {toast.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  )
}
