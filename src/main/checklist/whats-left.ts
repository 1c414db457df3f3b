import type { ChecklistItemView, ItemStatus } from '../../shared/contract'
import { isDone, type ChecklistResult } from './evaluate'

/** An item still to act on, with its account (null: "This computer"). */
export type LeftItem = Readonly<{ accountId: string | null; issuer: string; label: string; item: ChecklistItemView }>

const URGENCY: Readonly<Record<ItemStatus, number>> = { failing: 0, due: 1, todo: 2, done: 3, verified: 3 }

/**
 * "What's left": every failing, due or to-do item, most urgent first
 * (failing, then due, then to do), keeping "This computer" first, then
 * account and checklist order within each.
 */
export function whatsLeft(result: ChecklistResult): LeftItem[] {
  const computer = result.computer.items.filter((item) => !isDone(item.status)).map((item) => ({ accountId: null, issuer: '', label: '', item }))
  const left = result.accounts.flatMap((a) =>
    a.items.filter((item) => !isDone(item.status)).map((item) => ({ accountId: a.accountId, issuer: a.issuer, label: a.label, item })),
  )
  // Array.prototype.sort is stable: equal urgency keeps the order above.
  return [...computer, ...left].sort((x, y) => URGENCY[x.item.status] - URGENCY[y.item.status])
}

/**
 * The earliest moment an item's status changes by the passing of time
 * alone (a `done` or `verified` item turns due), ms since the epoch; null if
 * none will. The service re-evaluates then, so items fall due while the app
 * runs.
 */
export function nextReviewAt(result: ChecklistResult): number | null {
  let next: number | null = null
  // 1,000 accounts are 15,000 items: looked through where they are, not copied into one list first.
  for (const items of [result.computer.items, ...result.accounts.map((a) => a.items)]) {
    for (const item of items) if (item.reviewAt !== undefined && (next === null || item.reviewAt < next)) next = item.reviewAt
  }
  return next
}
