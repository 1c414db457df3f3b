import type { PreviewEntry } from '../../contract'
import { otpParamsLine } from '../../ui/otp-params'

/**
 * The accounts of an import to tick, each with what makes its codes
 * (type, algorithm, digits, period or counter), and one box for all.
 */
export function ImportList({ entries, chosen, onChange }: Readonly<{ entries: readonly PreviewEntry[]; chosen: ReadonlySet<number>; onChange: (chosen: Set<number>) => void }>) {
  const all = entries.length > 0 && entries.every((e) => chosen.has(e.index))
  const some = !all && entries.some((e) => chosen.has(e.index))
  const toggle = (index: number) => {
    const next = new Set(chosen)
    if (next.has(index)) next.delete(index)
    else next.add(index)
    onChange(next)
  }
  return (
    <>
      <label className="radio import-all">
        <input
          type="checkbox"
          checked={all}
          ref={(box) => {
            if (box) box.indeterminate = some
          }}
          onChange={() => onChange(all ? new Set() : new Set(entries.map((e) => e.index)))}
        />
        Select all ({entries.length})
      </label>
      <ul className="import-list" aria-label="Accounts found">
        {entries.map((entry) => (
          <li key={entry.index} data-testid="import-entry">
            <label className="radio">
              <input type="checkbox" checked={chosen.has(entry.index)} onChange={() => toggle(entry.index)} />
              <span>
                <strong>{entry.issuer || entry.label || 'Unnamed'}</strong> {entry.issuer && entry.label && <span className="muted">{entry.label}</span>}{' '}
                <span className="muted">
                  · {otpParamsLine(entry)}
                  {entry.group ? ` · ${entry.group}` : ''}
                </span>
                {entry.duplicate !== 'none' && <span className="tag">{entry.duplicate === 'existing' ? 'already in SellerGuard' : 'repeated in this file'}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </>
  )
}
