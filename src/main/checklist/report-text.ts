import type { AccountKind } from '../../shared/contract'
import type { ChecklistItemView, ChecklistProgress, ItemStatus } from '../../shared/contract'
import { REGION_LABELS, type SellerRegion } from './regions'

/** Words shared by the Markdown and HTML reports. Plain text: each format escapes it. */

export const STATUS_LABELS: Readonly<Record<ItemStatus, string>> = {
  done: 'Done',
  todo: 'To do',
  due: 'Due again',
  verified: 'Checked by SellerGuard',
  failing: 'Needs attention',
}

export const KIND_NAMES: Readonly<Record<AccountKind, string>> = {
  'seller-central': 'Amazon Seller Central',
  kdp: 'Kindle Direct Publishing (KDP)',
  associates: 'Amazon Associates',
  other: 'Other account',
}

export type ReportOptions = Readonly<{
  /** IANA time zone for dates ("Europe/Berlin"); default UTC. An unknown zone falls back to UTC. */
  timeZone?: string
}>

/** "2026-01-02" in the given zone: the same on every machine and in every locale, sortable. */
export function formatDate(ms: number, timeZone = 'UTC'): string {
  const format = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms)
  try {
    return format(timeZone)
  } catch {
    return format('UTC')
  }
}

/** Whole percent, rounded down: 23 of 24 is 95 %, never a premature 100 %. 0 of 0 is 0 %. */
export function percent(progress: ChecklistProgress): number {
  return progress.total === 0 ? 0 : Math.floor((progress.done * 100) / progress.total)
}

export function progressText(progress: ChecklistProgress): string {
  return `${progress.done} of ${progress.total} done (${percent(progress)}%)`
}

export function accountTitle(issuer: string, label: string): string {
  const i = issuer.trim()
  const l = label.trim()
  if (!i) return l || 'Unnamed account'
  return l && l.toLowerCase() !== i.toLowerCase() ? `${i} (${l})` : i
}

export function accountSubtitle(kind: AccountKind, region: SellerRegion | null): string {
  return region === null ? KIND_NAMES[kind] : `${KIND_NAMES[kind]} · ${REGION_LABELS[region]}`
}

/** The status in words, with its dates: "Done 2026-01-02 by Ana", "Due again since 2026-03-01 (last done 2025-09-02)". */
export function statusText(item: ChecklistItemView, timeZone?: string): string {
  const date = (ms: number) => formatDate(ms, timeZone)
  const by = item.by ? ` by ${item.by}` : ''
  switch (item.status) {
    case 'done':
      return item.doneAt === undefined ? 'Done' : `Done ${date(item.doneAt)}${by}`
    case 'due':
      return `Due again since ${item.dueSince === undefined ? '?' : date(item.dueSince)}${item.doneAt === undefined ? '' : ` (last done ${date(item.doneAt)}${by})`}`
    case 'todo':
      return item.checkedBy === 'sellerguard' ? `To do — ${item.finding ?? ''}`.trim() : 'To do'
    case 'verified':
    case 'failing':
      return `${STATUS_LABELS[item.status]} — ${item.finding ?? ''}`.trim()
  }
}
