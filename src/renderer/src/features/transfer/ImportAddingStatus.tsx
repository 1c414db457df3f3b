import { useState } from 'react'
import { useStore } from '../../store'

/**
 * While a confirmed import writes its secrets (about 30 a second on
 * gnome-keyring): how many are in, and a Cancel that keeps nothing of it.
 */
export function ImportAddingStatus({ previewId }: Readonly<{ previewId: string }>) {
  const progress = useStore((s) => (s.importAdding?.previewId === previewId ? s.importAdding : null))
  const cancelImport = useStore((s) => s.cancelImport)
  const [stopping, setStopping] = useState(false)
  const written = progress?.written ?? 0
  const total = progress?.total ?? 0

  async function stop() {
    setStopping(true)
    // The import's own reply says how it ended; this one only waits for the undo to finish.
    await cancelImport({ previewId })
  }

  return (
    <div className="import-adding" data-testid="import-adding">
      <progress max={Math.max(total, 1)} value={written} aria-label="Accounts added so far" />
      <p className="muted">
        {stopping ? 'Cancelling: removing what was added…' : total ? `Added ${written.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} accounts…` : 'Adding accounts…'}
      </p>
      <button type="button" className="button" disabled={stopping} onClick={() => void stop()}>
        Cancel import
      </button>
    </div>
  )
}
