import { useState } from 'react'
import type { ChecklistItemView } from '../../contract'

const STATUS_TEXT = {
  done: 'Done',
  todo: 'To do',
  due: 'Due for review',
  verified: 'Checked by SellerGuard',
  failing: 'Needs attention',
} as const

const date = (ms: number) => new Date(ms).toLocaleDateString()

export function ChecklistItemRow({ item, onTick }: Readonly<{ item: ChecklistItemView; onTick: (done: boolean, note?: string) => void }>) {
  const [note, setNote] = useState(item.note ?? '')
  const manual = item.checkedBy === 'you'
  const checked = item.status === 'done' || item.status === 'verified'
  return (
    <li className={`check-item check-item--${item.status}`} data-testid="checklist-item" data-item-id={item.id} data-status={item.status}>
      <div className="check-item__head">
        {manual ? (
          <input type="checkbox" checked={checked} onChange={(e) => onTick(e.target.checked)} aria-label={item.title} />
        ) : (
          <span className="check-item__auto" aria-hidden="true">
            {item.status === 'verified' ? '✓' : item.status === 'failing' ? '!' : '•'}
          </span>
        )}
        <strong className="check-item__title">{item.title}</strong>
        <span className={`tag tag--${item.status}`}>{STATUS_TEXT[item.status]}</span>
      </div>
      <div className="check-item__body">
        <p>{item.why}</p>
        <p className="muted">
          Where: <span className="check-item__where">{item.where}</span>
        </p>
        {item.finding && <p className="muted">{item.finding}</p>}
        {item.doneAt && manual && (
          <p className="muted">
            {item.status === 'due' ? `Done ${date(item.doneAt)}; due for review since ${item.dueSince ? date(item.dueSince) : 'now'}.` : `Done ${date(item.doneAt)}${item.by ? ` by ${item.by}` : ''}.`}
            {item.reviewAt && item.status === 'done' ? ` Review again by ${date(item.reviewAt)}.` : ''}
          </p>
        )}
        {manual && (
          <div className="check-item__note">
            <input className="input" placeholder="Note (optional)" aria-label={`Note for ${item.title}`} value={note} onChange={(e) => setNote(e.target.value)} />
            {note !== (item.note ?? '') && (
              <button type="button" className="button button--small" onClick={() => onTick(item.status === 'done' || item.status === 'due', note)}>
                Save note
              </button>
            )}
          </div>
        )}
      </div>
    </li>
  )
}
