import type { AccountChecklistView, AccountSummary, ChecklistItem, ChecklistItemView, ChecklistProgress, ChecklistView, ClockState, Evidence, ItemStatus } from '../../shared/contract'
import { checklistFor } from './definitions'
import { BACKUP_MAX_AGE_DAYS } from './items-common'
import { REGION_NOTES } from './regions'
import { accountState, completionOf, type AccountChecklistState, type ChecklistState } from './state'

export const DAY_MS = 86_400_000

/** What SellerGuard knows for itself, gathered by the caller. */
export type ChecklistEvidence = Readonly<{
  /**
   * Accounts whose authenticator key is in the keychain. `null` when that
   * cannot be known now (keychain locked or still loading): the item is
   * then "to do", not "failing" — a locked keychain is not a missing key.
   */
  accountIdsWithAuthenticator: ReadonlySet<string> | null
  clockState: ClockState
  /** When the newest encrypted SellerGuard backup was made, ms since the epoch; null = never. */
  lastBackupAt: number | null
}>

/** The checklist as evaluated now: the contract's view without the file problem, which the service adds. */
export type ChecklistResult = Omit<ChecklistView, 'problem'>

export type ChecklistInput = Readonly<{
  accounts: readonly Pick<AccountSummary, 'id' | 'kind' | 'issuer' | 'label'>[]
  state: ChecklistState
  evidence: ChecklistEvidence
  /** ms since the epoch */
  now: number
}>

/**
 * Every account's checklist with a status per item. Pure: `now` and the
 * evidence are passed in, so a test can step a year forward. The result is
 * JSON only (no Set, no Date), ready to cross the contract.
 */
export function evaluateChecklist(input: ChecklistInput): ChecklistResult {
  const accounts = input.accounts.map((account): AccountChecklistView => {
    const saved = accountState(input.state, account.id)
    // Regions are Seller Central's; a region stored for another kind (the account's kind changed) is kept but not shown.
    const region = account.kind === 'seller-central' ? (saved?.region ?? null) : null
    const items = checklistFor(account.kind, region).map((item) =>
      item.evidence === undefined ? manualStatus(item, saved, input.now) : evidenceStatus(item, item.evidence, account.id, input.evidence, input.now),
    )
    const note = region === null ? undefined : REGION_NOTES[region]
    return {
      accountId: account.id,
      kind: account.kind,
      issuer: account.issuer,
      label: account.label,
      region,
      ...(note !== undefined ? { regionNote: note } : {}),
      items,
      progress: progressOf(items),
    }
  })
  return { accounts, progress: sumProgress(accounts.map((a) => a.progress)), evaluatedAt: input.now }
}

/** Done by hand or verified by SellerGuard: counts towards progress. */
export const isDone = (status: ItemStatus): boolean => status === 'done' || status === 'verified'

export function progressOf(items: readonly ChecklistItemView[]): ChecklistProgress {
  return { done: items.filter((i) => isDone(i.status)).length, total: items.length }
}

function sumProgress(parts: readonly ChecklistProgress[]): ChecklistProgress {
  return parts.reduce((sum, p) => ({ done: sum.done + p.done, total: sum.total + p.total }), { done: 0, total: 0 })
}

function manualStatus(item: ChecklistItem, saved: AccountChecklistState | null, now: number): ChecklistItemView {
  const completion = completionOf(saved, item.id)
  const extras = { ...(completion?.by ? { by: completion.by } : {}), ...(completion?.note ? { note: completion.note } : {}) }
  if (completion === null || !completion.done) return { ...item, status: 'todo', checkedBy: 'you', ...extras }
  if (item.reviewEveryDays === undefined) return { ...item, status: 'done', checkedBy: 'you', doneAt: completion.at, ...extras }
  const reviewAt = completion.at + item.reviewEveryDays * DAY_MS
  return now >= reviewAt
    ? { ...item, status: 'due', checkedBy: 'you', doneAt: completion.at, dueSince: reviewAt, ...extras }
    : { ...item, status: 'done', checkedBy: 'you', doneAt: completion.at, reviewAt, ...extras }
}

function evidenceStatus(item: ChecklistItem, kind: Evidence, accountId: string, evidence: ChecklistEvidence, now: number): ChecklistItemView {
  const checked = (status: ItemStatus, finding: string, more: Partial<ChecklistItemView> = {}): ChecklistItemView => ({
    ...item,
    status,
    checkedBy: 'sellerguard',
    finding,
    ...more,
  })
  switch (kind) {
    case 'authenticator-in-vault': {
      const ids = evidence.accountIdsWithAuthenticator
      if (ids === null) return checked('todo', 'Can’t check while the keychain is locked or loading.')
      return ids.has(accountId)
        ? checked('verified', 'SellerGuard holds this account’s key in your keychain.')
        : checked('failing', 'SellerGuard has no key for this account in your keychain. Add it again from the site’s two-step verification settings.')
    }
    case 'clock-in-sync': {
      const [status, finding] = CLOCK_FINDINGS[evidence.clockState]
      return checked(status, finding)
    }
    case 'recent-backup': {
      if (evidence.lastBackupAt === null) return checked('failing', 'No encrypted backup yet.')
      const days = item.reviewEveryDays ?? BACKUP_MAX_AGE_DAYS
      const dueAt = evidence.lastBackupAt + days * DAY_MS
      return now >= dueAt
        ? checked('due', `The newest backup is more than ${days} days old.`, { doneAt: evidence.lastBackupAt, dueSince: dueAt })
        : checked('verified', `An encrypted backup from the last ${days} days exists.`, { doneAt: evidence.lastBackupAt, reviewAt: dueAt })
    }
  }
}

// Unknown is never an alarm: being offline is not a wrong clock.
const CLOCK_FINDINGS: Readonly<Record<ClockState, readonly [ItemStatus, string]>> = {
  ok: ['verified', 'In sync with internet time.'],
  warn: ['failing', 'This computer’s clock is off: codes may be rejected. See SellerGuard → Clock.'],
  critical: ['failing', 'This computer’s clock is off: codes may be rejected. See SellerGuard → Clock.'],
  unknown: ['todo', 'Not checked yet (offline?).'],
}
