import type { ChecklistItemView, ItemStatus } from '../../shared/contract'
import { isDone, type ChecklistResult } from './evaluate'

/** An item still to act on, with its account. */
export type LeftItem = Readonly<{ accountId: string; issuer: string; label: string; item: ChecklistItemView }>

const URGENCY: Readonly<Record<ItemStatus, number>> = { failing: 0, due: 1, todo: 2, done: 3, verified: 3 }

/**
 * "What's left": every failing, due or to-do item, most urgent first
 * (failing, then due, then to do), keeping account and checklist order
 * within each.
 */
export function whatsLeft(result: ChecklistResult): LeftItem[] {
  const left = result.accounts.flatMap((a) =>
    a.items.filter((item) => !isDone(item.status)).map((item) => ({ accountId: a.accountId, issuer: a.issuer, label: a.label, item })),
  )
  // Array.prototype.sort is stable: equal urgency keeps account, then item, order.
  return left.sort((x, y) => URGENCY[x.item.status] - URGENCY[y.item.status])
}

/** The earliest moment a `done` or `verified` item turns due, ms since the epoch; null if none will. For scheduling a re-evaluation. */
export function nextReviewAt(result: ChecklistResult): number | null {
  let next: number | null = null
  for (const a of result.accounts) for (const item of a.items) if (item.reviewAt !== undefined && (next === null || item.reviewAt < next)) next = item.reviewAt
  return next
}
