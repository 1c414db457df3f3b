import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { ChecklistItemChange, ChecklistItemView } from '../../contract'

type Change = Omit<ChecklistItemChange, 'accountId' | 'itemId'>

/** "2026-03-14" for a date input, in this computer's zone. */
function dayOf(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Noon of that local day (never later than now): a date typed as "when it was done". */
function msOfDay(day: string, now: number): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return null
  return Math.min(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12).getTime(), now)
}

/**
 * The note, who did it and when: each saved when the field is left or on
 * Enter (a typed note is never dropped by a tick or by leaving the screen:
 * leaving the field saves it first). A note or "by" alone keeps the tick and
 * its date; the date can be set only for a ticked item. No length cap here:
 * a pasted note that is too long gets main's error and stays in the field,
 * never silently cut.
 */
export function ItemEditor({ item, ownerName, now, onChange }: Readonly<{ item: ChecklistItemView; ownerName: string; now: number; onChange: (change: Change) => Promise<unknown> }>) {
  const [note, setNote] = useState(item.note ?? '')
  const [by, setBy] = useState(item.by ?? '')
  const done = item.status === 'done' || item.status === 'due'
  // What was last sent: leaving the field again (to dismiss main's refusal, say) does not re-send the same text.
  const [sent, setSent] = useState<{ note?: string; by?: string }>({})
  const saveNote = () => {
    if (note === (item.note ?? '') || note === sent.note) return
    setSent((s) => ({ ...s, note }))
    void onChange({ note })
  }
  const saveBy = () => {
    if (by === (item.by ?? '') || by === sent.by) return
    setSent((s) => ({ ...s, by }))
    void onChange({ by })
  }
  // Closed or left without leaving the field first (a shortcut, a screen change): what was typed is still saved.
  const latest = useRef({ saveNote, saveBy })
  useEffect(() => {
    latest.current = { saveNote, saveBy }
  })
  useEffect(() => () => (latest.current.saveNote(), latest.current.saveBy()), [])
  const onEnter = (save: () => void) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      save()
    }
  }
  return (
    <div className="check-item__editor">
      <label>
        Note
        <input className="input" dir="auto" value={note} aria-label={`Note for ${item.title} (${ownerName})`} onChange={(e) => setNote(e.target.value)} onBlur={saveNote} onKeyDown={onEnter(saveNote)} />
      </label>
      <label>
        Done by
        <input className="input" dir="auto" value={by} placeholder="you" aria-label={`Who did ${item.title} (${ownerName})`} onChange={(e) => setBy(e.target.value)} onBlur={saveBy} onKeyDown={onEnter(saveBy)} />
      </label>
      {done && item.doneAt !== undefined && (
        <label>
          Done on
          <input
            className="input"
            type="date"
            max={dayOf(now)}
            value={dayOf(item.doneAt)}
            aria-label={`When ${item.title} was done (${ownerName})`}
            onChange={(e) => {
              const at = msOfDay(e.target.value, Date.now())
              if (at !== null) void onChange({ doneAt: at })
            }}
          />
        </label>
      )}
    </div>
  )
}
