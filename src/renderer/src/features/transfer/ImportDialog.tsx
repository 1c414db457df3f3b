import { useState } from 'react'
import { IMPORT_SOURCE_NAMES, type AccountKind, type AccountSummary, type ImportPreview } from '../../contract'
import { useStore } from '../../store'
import { AddedStep } from '../../ui/AddedStep'
import { KindSelect } from '../../ui/KindSelect'
import { Dialog } from '../../ui/Dialog'
import { NameFields } from '../../ui/NameFields'

/**
 * What an import would add, before anything is written: every account
 * found (never its secret), duplicates unticked, unreadable entries and
 * missing QR codes explained. One account (a scanned QR code) can be named.
 */
export function ImportDialog({ preview, onClose }: Readonly<{ preview: ImportPreview; onClose: () => void }>) {
  const single = preview.entries.length === 1 ? preview.entries[0]! : null
  const [chosen, setChosen] = useState(() => new Set(preview.entries.filter((e) => e.duplicate === 'none').map((e) => e.index)))
  const [kind, setKind] = useState<AccountKind | ''>('')
  const [issuer, setIssuer] = useState(single?.issuer ?? '')
  const [label, setLabel] = useState(single?.label ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [added, setAdded] = useState<AccountSummary | null>(null)
  const showToast = useStore((s) => s.showToast)
  const confirmImport = useStore((s) => s.confirmImport)

  const toggle = (index: number) => {
    const next = new Set(chosen)
    if (next.has(index)) next.delete(index)
    else next.add(index)
    setChosen(next)
  }

  async function confirm() {
    setBusy(true)
    const reply = await confirmImport({
      previewId: preview.previewId,
      indexes: [...chosen],
      ...(kind ? { kind } : {}),
      ...(single ? { issuer, label } : {}),
    })
    setBusy(false)
    if (!reply.ok) return setError(reply.error.message)
    const n = reply.value.added.length
    // One scanned account: show its code to finish the site's setup, as adding by key does.
    if (single && n === 1) return setAdded(reply.value.added[0]!)
    showToast(`Added ${n} account${n === 1 ? '' : 's'}${reply.value.skipped ? `, skipped ${reply.value.skipped}` : ''}.`)
    onClose()
  }

  if (added) return <AddedStep account={added} onClose={onClose} />

  return (
    <Dialog title={single ? 'Add the scanned account' : `Import from ${IMPORT_SOURCE_NAMES[preview.format]}`} onClose={onClose} testId="import-dialog">
      <div className="form">
        {preview.warnings.map((w) => (
          <p key={w} className="field-error" role="alert">
            {w}
          </p>
        ))}
        {single ? (
          <NameFields issuer={issuer} label={label} onIssuer={setIssuer} onLabel={setLabel} />
        ) : (
          <ul className="import-list" aria-label="Accounts found">
            {preview.entries.map((entry) => (
              <li key={entry.index}>
                <label className="radio">
                  <input type="checkbox" checked={chosen.has(entry.index)} onChange={() => toggle(entry.index)} />
                  <span>
                    <strong>{entry.issuer || entry.label || 'Unnamed'}</strong> {entry.issuer && entry.label && <span className="muted">{entry.label}</span>}{' '}
                    <span className="muted">
                      · {entry.type.toUpperCase()} {entry.digits} digits{entry.group ? ` · ${entry.group}` : ''}
                    </span>
                    {entry.duplicate !== 'none' && <span className="tag">{entry.duplicate === 'existing' ? 'already in SellerGuard' : 'repeated in this file'}</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {preview.problems.length > 0 && (
          <details>
            <summary>{preview.problems.length + (preview.omittedProblems ?? 0)} entries could not be read</summary>
            <ul>
              {preview.problems.map((p) => (
                <li key={p.index}>
                  {p.name ?? `Entry ${p.index + 1}`}: {p.message}
                </li>
              ))}
            </ul>
            {preview.omittedProblems !== undefined && <p className="muted">…and {preview.omittedProblems} more, not listed.</p>}
          </details>
        )}
        <KindSelect value={kind} onChange={setKind} allowGuess={true} />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <footer className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button--primary" disabled={busy || chosen.size === 0} onClick={() => void confirm()}>
            {single ? 'Add account' : `Import ${chosen.size} account${chosen.size === 1 ? '' : 's'}`}
          </button>
        </footer>
      </div>
    </Dialog>
  )
}
