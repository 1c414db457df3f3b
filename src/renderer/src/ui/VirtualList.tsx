import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'

export type VirtualListProps<T> = Readonly<{
  items: readonly T[]
  /** Height of each item in px (rows have fixed heights per type). */
  heightOf: (item: T) => number
  keyOf: (item: T) => string
  render: (item: T) => ReactNode
  /** Extra px rendered above and below the viewport. */
  overscan?: number
  label: string
}>

/** Index of the last offset ≤ y (offsets ascending). */
function findStart(offsets: readonly number[], y: number): number {
  let lo = 0
  let hi = offsets.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (offsets[mid]! <= y) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * Renders only the rows in view (plus a margin), so a list of 1,000
 * accounts costs what a list of 15 does. Rows are absolutely placed in a
 * spacer as tall as the whole list, so the scrollbar stays honest.
 */
export function VirtualList<T>({ items, heightOf, keyOf, render, overscan = 400, label }: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null)
  const [view, setView] = useState({ top: 0, height: 800 })
  const offsets = useMemo(() => {
    const out = new Array<number>(items.length + 1)
    out[0] = 0
    for (let i = 0; i < items.length; i++) out[i + 1] = out[i]! + heightOf(items[i]!)
    return out
  }, [items, heightOf])

  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight })
    update()
    const observer = new ResizeObserver(update)
    observer.observe(el)
    el.addEventListener('scroll', update, { passive: true })
    return () => {
      observer.disconnect()
      el.removeEventListener('scroll', update)
    }
  }, [])

  const total = offsets[items.length]!
  const first = items.length === 0 ? 0 : findStart(offsets, Math.max(0, view.top - overscan))
  const limit = view.top + view.height + overscan
  const visible: ReactNode[] = []
  for (let i = first; i < items.length && offsets[i]! < limit; i++) {
    const item = items[i]!
    visible.push(
      <div key={keyOf(item)} role="listitem" className="vlist__item" style={{ transform: `translateY(${offsets[i]}px)`, height: heightOf(item) }}>
        {render(item)}
      </div>,
    )
  }
  return (
    <div ref={scroller} className="vlist" role="list" aria-label={label}>
      <div className="vlist__spacer" style={{ height: total }}>
        {visible}
      </div>
    </div>
  )
}
