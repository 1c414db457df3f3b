import type { AccountKind, ChecklistItemView, ChecklistProgress, ItemStatus } from '../../shared/contract'
import { KIND_LABELS } from '../../shared/account-kinds'
import { EVIDENCE_DATE_WORDS } from '../../shared/checklist-labels'
import { oneLine } from '../../shared/one-line'
import { percentDone } from '../../shared/progress'
import type { ChecklistResult } from './evaluate'
import { REGION_LABELS, type SellerRegion } from './regions'
import { whatsLeft } from './whats-left'

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
  'amazon-buyer': 'Amazon (buyer account)',
  aws: 'Amazon Web Services (AWS)',
  other: 'Other account',
}

export type ReportOptions = Readonly<{
  /** IANA time zone for dates ("Europe/Berlin"); default: this computer's zone. An unknown zone falls back to UTC. */
  timeZone?: string
  /** The checklist file could not be read: the report says so at the top, since the ticks are missing from it. */
  problem?: string | null
}>

/** This computer's time zone ("Europe/Berlin"), UTC when the system does not say. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** A zone the formatter knows: `zone`, or UTC. */
export function knownZone(zone: string | undefined): string {
  const wanted = zone ?? localTimeZone()
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: wanted })
    return wanted
  } catch {
    return 'UTC'
  }
}

/** "2026-01-02" in the given zone (default UTC): the same on every machine and in every locale, sortable. */
export function formatDate(ms: number, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: knownZone(timeZone), year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms)
}

/** "2026-01-02 14:05" in the given zone. */
export function formatDateTime(ms: number, timeZone = 'UTC'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: knownZone(timeZone), hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms)
  return `${formatDate(ms, timeZone)} ${parts}`
}

/** The report's first line: when, in which zone (named, so a date is never read in the wrong one), and how far along. */
export function madeOnText(result: ChecklistResult, timeZone: string): string {
  return `Made on ${formatDateTime(result.evaluatedAt, timeZone)} (dates are ${knownZone(timeZone)} time) · ${progressText(result.progress)}`
}

/** Whole percent, rounded down: the app's rule (`shared/progress.ts`). */
export const percent = percentDone

export function progressText(progress: ChecklistProgress): string {
  return `${progress.done} of ${progress.total} done (${percent(progress)}%)`
}

/** An account's name for a heading: one line, without direction controls (a right-to-left override cannot reorder the report). */
export function accountTitle(issuer: string, label: string): string {
  const i = oneLine(issuer)
  const l = oneLine(label)
  if (!i) return l || 'Unnamed account'
  return l && l.toLowerCase() !== i.toLowerCase() ? `${i} (${l})` : i
}

export function accountSubtitle(kind: AccountKind, region: SellerRegion | null): string {
  return region === null ? KIND_NAMES[kind] : `${KIND_NAMES[kind]} · ${REGION_LABELS[region]}`
}

/** "2 need attention, 1 due again, 3 to do", or "nothing left". */
export function leftCounts(items: readonly Pick<ChecklistItemView, 'status'>[]): string {
  const count = (status: ItemStatus) => items.filter((i) => i.status === status).length
  const parts = [
    [count('failing'), 'needs attention', 'need attention'],
    [count('due'), 'due again', 'due again'],
    [count('todo'), 'to do', 'to do'],
  ] as const
  const said = parts.flatMap(([n, one, many]) => (n === 0 ? [] : [`${n} ${n === 1 ? one : many}`]))
  return said.length === 0 ? 'nothing left' : said.join(', ')
}

/**
 * The summary a report starts with: what is left, on this computer and per
 * account, in one line each (the details follow).
 */
export function summaryLines(result: ChecklistResult): string[] {
  if (result.accounts.length === 0) return []
  const left = whatsLeft(result)
  const computerLeft = left.filter((l) => l.accountId === null).map((l) => l.item)
  const lines = [`This computer: ${computerLeft.length === 0 ? 'nothing left' : `${leftCounts(computerLeft)} (${computerLeft.map((i) => i.title).join('; ')})`}`]
  for (const account of result.accounts) {
    const mine = left.filter((l) => l.accountId === account.accountId).map((l) => l.item)
    const urgent = mine.filter((i) => i.status === 'failing' || i.status === 'due').map((i) => i.title)
    lines.push(`${accountTitle(account.issuer, account.label)} (${KIND_LABELS[account.kind]}): ${leftCounts(mine)}${urgent.length > 0 ? ` (first: ${urgent.join('; ')})` : ''}`)
  }
  return lines
}

/** The status in words, with its dates: "Done 2026-01-02 by Ana", "Due again since 2026-03-01 (last done 2025-09-02)". */
export function statusText(item: ChecklistItemView, timeZone?: string): string {
  const date = (ms: number) => formatDate(ms, timeZone)
  const by = item.by ? ` by ${item.by}` : ''
  switch (item.status) {
    case 'done':
      return item.doneAt === undefined ? 'Done' : `Done ${date(item.doneAt)}${by}`
    case 'due':
      return `Due again since ${item.dueSince === undefined ? '?' : date(item.dueSince)}${item.doneAt === undefined ? '' : ` (last ${item.checkedBy === 'sellerguard' ? 'checked' : 'done'} ${date(item.doneAt)}${by})`}`
    case 'todo':
      return item.checkedBy === 'sellerguard' ? `To do — ${item.finding ?? ''}${evidenceDate(item, timeZone)}`.trim() : 'To do'
    case 'verified':
    case 'failing':
      return `${STATUS_LABELS[item.status]} — ${item.finding ?? ''}${evidenceDate(item, timeZone)}`.trim()
  }
}

/** " (measured 2026-07-20 14:05)": when SellerGuard's evidence is from; empty for items ticked by hand. */
export function evidenceDate(item: ChecklistItemView, timeZone?: string): string {
  if (item.evidence === undefined || item.doneAt === undefined) return ''
  const when = item.evidence === 'clock-in-sync' ? formatDateTime(item.doneAt, timeZone) : formatDate(item.doneAt, timeZone)
  return ` (${EVIDENCE_DATE_WORDS[item.evidence]} ${when})`
}
