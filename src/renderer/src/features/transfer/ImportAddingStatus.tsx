import { useStore } from '../../store'
import { formatCount } from '../../ui/format-count'

/**
 * While a confirmed import writes its secrets (about 30 a second on
 * gnome-keyring): how many are in, and the one Cancel, which keeps nothing
 * of it (the dialog's close and Escape do the same while it runs).
 */
export function ImportAddingStatus({ previewId, stopping, onCancel }: Readonly<{ previewId: string; stopping: boolean; onCancel: () => void }>) {
  const progress = useStore((s) => (s.importAdding?.previewId === previewId ? s.importAdding : null))
  const written = progress?.written ?? 0
  const total = progress?.total ?? 0
  return (
    <div className="import-adding" data-testid="import-adding">
      <progress max={Math.max(total, 1)} value={written} aria-label="Accounts added so far" />
      <p className="muted">
        {stopping ? 'Cancelling: removing what was added…' : total ? `Added ${formatCount(written)} of ${formatCount(total)} accounts…` : 'Adding accounts…'}
      </p>
      <button type="button" className="button" disabled={stopping} onClick={onCancel}>
        Cancel import
      </button>
    </div>
  )
}
