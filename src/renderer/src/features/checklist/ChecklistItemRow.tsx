import { useState } from 'react'
import { EVIDENCE_DATE_WORDS, describeAge, sourceText, type ChecklistItemChange, type ChecklistItemView } from '../../contract'
import { ItemEditor } from './ItemEditor'

const STATUS_TEXT = {
  done: 'Done',
  todo: 'To do',
  due: 'Due for review',
  verified: 'Checked by SellerGuard',
  failing: 'Needs attention',
} as const

const date = (ms: number) => new Date(ms).toLocaleDateString()

type Change = Omit<ChecklistItemChange, 'accountId' | 'itemId'>

/** When it was done or checked, and when it comes back: one line. */
function datesText(item: ChecklistItemView, now: number): string | null {
  if (item.doneAt === undefined) return null
  if (item.checkedBy === 'sellerguard') {
    const when = `${EVIDENCE_DATE_WORDS[item.evidence ?? 'clock-in-sync']} ${describeAge(Math.max(0, now - item.doneAt))} (${date(item.doneAt)})`
    return item.status === 'due' ? `Last ${when}.` : `${when[0]!.toUpperCase()}${when.slice(1)}.`
  }
  const by = item.by ? ` by ${item.by}` : ''
  if (item.status === 'due') return `Done ${date(item.doneAt)}${by}; due for review since ${item.dueSince ? date(item.dueSince) : 'now'}.`
  if (item.status === 'done') return `Done ${date(item.doneAt)}${by}.${item.reviewAt ? ` Review again by ${date(item.reviewAt)}.` : ''}`
  return null
}

/**
 * One item: its tick (or SellerGuard's mark), title and status, what
 * SellerGuard found, and the dates; the title opens the why, the where, the
 * sources and the note, date and "by" fields. `tabbable`: this row holds the
 * list's roving tab stop.
 */
export function ChecklistItemRow({
  item,
  ownerName,
  now,
  tabbable,
  onFocus,
  onChange,
}: Readonly<{ item: ChecklistItemView; ownerName: string; now: number; tabbable: boolean; onFocus: () => void; onChange: (change: Change) => Promise<unknown> }>) {
  const [open, setOpen] = useState(false)
  const manual = item.checkedBy === 'you'
  const checked = item.status === 'done' || item.status === 'verified'
  const tab = tabbable ? 0 : -1
  const bodyId = `check-${ownerName.length}-${item.id}-${item.title.length}`
  const dates = datesText(item, now)
  return (
    <li className={`check-item check-item--${item.status}`} data-testid="checklist-item" data-item-id={item.id} data-status={item.status} onFocus={onFocus}>
      <div className="check-item__head">
        {manual ? (
          <input type="checkbox" data-role="check" tabIndex={tab} checked={checked} onChange={(e) => void onChange({ done: e.target.checked })} aria-label={`${item.title} (${ownerName})`} />
        ) : (
          <span className="check-item__auto" aria-hidden="true">
            {item.status === 'verified' ? '✓' : item.status === 'failing' ? '!' : '•'}
          </span>
        )}
        <button type="button" className="check-item__title" data-role="title" tabIndex={tab} aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          {item.title}
        </button>
        <span className={`tag tag--${item.status}`}>{STATUS_TEXT[item.status]}</span>
      </div>
      <div className="check-item__summary">
        {item.finding && <p>{item.finding}</p>}
        {dates && <p className="muted">{dates}</p>}
        {item.note && !open && (
          <p className="muted check-item__note-text" dir="auto">
            Note: {item.note}
          </p>
        )}
      </div>
      {open && (
        <div className="check-item__body" id={bodyId}>
          <p>{item.why}</p>
          <p className="muted">
            Where: <span className="check-item__where">{item.where}</span>
          </p>
          <ul className="check-item__sources">
            {item.sources.map((s) => (
              <li key={`${s.title}-${s.url ?? ''}`}>{sourceText(s)}</li>
            ))}
          </ul>
          {manual && <ItemEditor item={item} ownerName={ownerName} now={now} onChange={onChange} />}
        </div>
      )}
    </li>
  )
}
