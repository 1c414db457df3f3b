import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { CHECKLIST_SECTIONS, SECTION_TITLES, type ChecklistItemChange, type ChecklistItemView } from '../../contract'
import { ChecklistItemRow } from './ChecklistItemRow'

type Change = Omit<ChecklistItemChange, 'accountId' | 'itemId'>

/**
 * One account's (or "This computer"'s) items by section, with a roving tab
 * index: Tab enters the list once (the current row's checkbox, then its
 * title) and the arrow keys, Home and End move between rows, so 300
 * accounts do not cost 3,000 Tab stops. When a tick makes a row leave
 * ("What's left"), focus moves to the row that takes its place.
 */
export function ItemList({
  items,
  ownerName,
  hideDone,
  now,
  onChange,
}: Readonly<{ items: readonly ChecklistItemView[]; ownerName: string; hideDone: boolean; now: number; onChange: (itemId: string, change: Change) => Promise<unknown> }>) {
  const left = hideDone ? items.filter((i) => i.status !== 'done' && i.status !== 'verified') : items
  // In the order drawn (by section), so the arrow keys follow what the eye sees.
  const sections = CHECKLIST_SECTIONS.map((section) => [section, left.filter((i) => i.section === section)] as const).filter(([, inSection]) => inSection.length > 0)
  const shown = sections.flatMap(([, inSection]) => inSection)
  const indexOf = new Map(shown.map((item, n) => [item.id, n]))
  const [activeId, setActiveId] = useState<string | null>(null)
  const box = useRef<HTMLDivElement>(null)
  const pendingFocus = useRef<Readonly<{ index: number; role: string }> | null>(null)
  const activeIndex = Math.max(0, shown.findIndex((i) => i.id === activeId))

  const focusRow = (index: number, role: string) => {
    const row = box.current?.querySelectorAll<HTMLElement>('[data-testid="checklist-item"]')[index]
    const target = row?.querySelector<HTMLElement>(`[data-role="${role}"]`) ?? row?.querySelector<HTMLElement>('[data-role="title"]')
    if (!target || !row) return
    setActiveId(row.dataset.itemId ?? null)
    target.focus()
  }

  useLayoutEffect(() => {
    const pending = pendingFocus.current
    if (pending === null) return
    pendingFocus.current = null
    if (shown.length > 0) focusRow(Math.min(pending.index, shown.length - 1), pending.role)
  })

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const role = (e.target as HTMLElement).dataset.role
    if (role !== 'check' && role !== 'title') return
    const index = shown.findIndex((i) => i.id === (e.target as HTMLElement).closest<HTMLElement>('[data-item-id]')?.dataset.itemId)
    const to = e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? shown.length - 1 : null
    if (to === null || to < 0 || to >= shown.length) return
    e.preventDefault()
    focusRow(to, role)
  }

  return (
    <div ref={box} onKeyDown={onKeyDown}>
      {sections.map(([section, inSection]) => (
        <section key={section} className="check-section">
          <h3>{SECTION_TITLES[section]}</h3>
          <ul className="check-list">
            {inSection.map((item) => {
              const at = indexOf.get(item.id) ?? 0
              return (
                <ChecklistItemRow
                  key={item.id}
                  item={item}
                  ownerName={ownerName}
                  now={now}
                  tabbable={at === activeIndex}
                  onFocus={() => setActiveId(item.id)}
                  onChange={(change) => {
                    // Ticked off in "What's left": the row goes, and the next one takes the focus.
                    if (hideDone && change.done === true) pendingFocus.current = { index: at, role: 'check' }
                    return onChange(item.id, change)
                  }}
                />
              )
            })}
          </ul>
        </section>
      ))}
    </div>
  )
}
