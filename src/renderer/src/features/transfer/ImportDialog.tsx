import { useState } from 'react'
import { IMPORT_SOURCE_NAMES, type AccountSummary, type ImportPreview } from '../../contract'
import { useStore } from '../../store'
import { AddedStep } from '../../ui/AddedStep'
import { GroupField } from '../../ui/GroupField'
import { KindSelect } from '../../ui/KindSelect'
import { Dialog } from '../../ui/Dialog'
import { NameFields } from '../../ui/NameFields'
import { otpParamsLine } from '../../ui/otp-params'
import { ImportAddingStatus } from './ImportAddingStatus'
import { ImportList } from './ImportList'
import { RegionSelect } from '../../ui/RegionSelect'
import { useKindGuess } from '../../ui/use-kind-guess'

/**
 * What an import would add, before anything is written: every account
 * found (never its secret) with what makes its codes, duplicates unticked,
 * unreadable entries and missing QR codes explained, and a group to put
 * them in. One account (a scanned QR code) can be named.
 */
export function ImportDialog({ preview, onClose }: Readonly<{ preview: ImportPreview; onClose: () => void }>) {
  const single = preview.entries.length === 1 ? preview.entries[0]! : null
  const [chosen, setChosen] = useState(() => new Set(preview.entries.filter((e) => e.duplicate === 'none').map((e) => e.index)))
  const [issuer, setIssuer] = useState(single?.issuer ?? '')
  const [label, setLabel] = useState(single?.label ?? '')
  // One account: its own group, editable. Several: empty keeps each file's group.
  const [group, setGroup] = useState(single?.group ?? '')
  // One account: pre-filled from its name. Several: from the first chosen one, or each keeps what the file says.
  const [kindTouched, setKindTouched] = useState(false)
  const first = single ?? preview.entries.find((e) => chosen.has(e.index)) ?? null
  const choice = useKindGuess(single ? issuer : (first?.issuer ?? ''), single ? label : (first?.label ?? ''))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [added, setAdded] = useState<AccountSummary | null>(null)
  const showToast = useStore((s) => s.showToast)
  const confirmImport = useStore((s) => s.confirmImport)
  const cancelImport = useStore((s) => s.cancelImport)
  const [stopping, setStopping] = useState(false)
  // Several accounts being written: closing the dialog means stopping the import, never leaving it running unseen.
  const running = busy && !single
  function stop() {
    if (stopping) return
    setStopping(true)
    // The import's own reply says how it ended; this one only waits for the undo to finish.
    void cancelImport({ previewId: preview.previewId })
  }

  async function confirm() {
    setBusy(true)
    setStopping(false)
    const reply = await confirmImport({
      previewId: preview.previewId,
      indexes: [...chosen],
      // A multi-account file keeps each entry's own kind (or main's guess per name) unless the user picked one for all.
      ...(single || kindTouched ? { kind: choice.kind, region: choice.region } : {}),
      ...(single || group.trim() ? { group: group.trim() } : {}),
      ...(single ? { issuer, label } : {}),
    })
    setBusy(false)
    // Cancelled by the user: nothing was kept, and the dialog has done its job.
    if (!reply.ok && reply.error.kind === 'cancelled') {
      showToast(reply.error.message)
      return onClose()
    }
    if (!reply.ok) return setError(reply.error.message)
    const n = reply.value.addedIds.length
    // One scanned account: show its code to finish the site's setup, as adding by key does.
    if (single && reply.value.onlyAdded) return setAdded(reply.value.onlyAdded)
    showToast(`Added ${n} account${n === 1 ? '' : 's'}${reply.value.skipped ? `, skipped ${reply.value.skipped}` : ''}.`)
    onClose()
  }

  if (added) return <AddedStep account={added} onClose={onClose} />

  return (
    <Dialog title={single ? 'Add the scanned account' : `Import from ${IMPORT_SOURCE_NAMES[preview.format]}`} onClose={running ? stop : onClose} testId="import-dialog">
      <div className="form">
        {preview.warnings.map((w) => (
          <p key={w} className="field-error" role="alert">
            {w}
          </p>
        ))}
        {single ? (
          <>
            <NameFields issuer={issuer} label={label} onIssuer={setIssuer} onLabel={setLabel} />
            <p className="muted" data-testid="import-params">
              {otpParamsLine(single)}
            </p>
          </>
        ) : (
          <ImportList entries={preview.entries} chosen={chosen} onChange={setChosen} />
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
        <div className="form__row">
          {single || kindTouched ? (
            <KindSelect value={choice.kind} onChange={(k) => k && choice.setKind(k)} allowGuess={false} />
          ) : (
            <KindSelect
              value=""
              onChange={(k) => {
                if (!k) return
                setKindTouched(true)
                choice.setKind(k)
              }}
              allowGuess={true}
            />
          )}
          {(single || kindTouched) && choice.hasRegion && <RegionSelect value={choice.region} onChange={choice.setRegion} />}
          {single ? (
            <GroupField value={group} onChange={setGroup} />
          ) : (
            <GroupField value={group} onChange={setGroup} label="Put them in a group (optional)" placeholder="Keep the file's groups" />
          )}
        </div>
        {running && <ImportAddingStatus previewId={preview.previewId} stopping={stopping} onCancel={stop} />}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <footer className="form__actions">
          {!running && (
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
          )}
          <button type="button" className="button button--primary" disabled={busy || chosen.size === 0} onClick={() => void confirm()}>
            {single ? 'Add account' : `Import ${chosen.size} account${chosen.size === 1 ? '' : 's'}`}
          </button>
        </footer>
      </div>
    </Dialog>
  )
}
