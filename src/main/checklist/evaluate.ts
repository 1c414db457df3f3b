import type { AccountChecklistView, AccountSummary, ChecklistItem, ChecklistItemView, ChecklistProgress, ChecklistView, ClockStatus, ItemStatus, SellerRegion } from '../../shared/contract'
import { checklistFor, computerChecklist, findDefinition } from './definitions'
import { authenticatorStatus, backupStatus, clockStatus, selfCheckStatus, type BackupCoverage, type SelfCheck } from './evidence'
import { REGION_NOTES, guessRegion } from './regions'
import { mapInSlices } from '../core/slices'
import { accountState, completionOf, keptTicks, ticksFor, type ChecklistState, type KindTicks } from './state'

export const DAY_MS = 86_400_000

/** What SellerGuard knows for itself, gathered by the caller. */
export type ChecklistEvidence = Readonly<{
  /**
   * Accounts whose authenticator key is in the keychain. `null` when that
   * cannot be known now (keychain locked or still loading): the item is
   * then "to do", not "failing" — a locked keychain is not a missing key.
   */
  accountIdsWithKey: ReadonlySet<string> | null
  /** The clock's state as the clock service keeps it (its last trusted measurement, its age); null before the first status. */
  clock: ClockStatus | null
  /** Which accounts the encrypted backups hold, and from when; null when SellerGuard cannot tell. */
  backups: BackupCoverage | null
  /** The app lock's and screen privacy's facts (from lock/, passed in by the composition root); absent: not known. */
  lock?: Readonly<{ appLock: SelfCheck; screenPrivacy: SelfCheck }> | null
}>

/** The checklist as evaluated now: the contract's view without the file problem, which the service adds. */
export type ChecklistResult = Omit<ChecklistView, 'problem'>

export type ChecklistAccount = Pick<AccountSummary, 'id' | 'kind' | 'issuer' | 'label'> &
  Partial<Pick<AccountSummary, 'updatedAt'>> &
  Readonly<{
    /** The account's own region (accounts hold it from 0.2); a region the checklist file still keeps is used until it moves. */
    region?: SellerRegion | null
    /** When the user confirmed that the site accepted a code from this key (ms since the epoch); null = never. */
    verifiedAt?: number | null
  }>

export type ChecklistInput = Readonly<{
  accounts: readonly ChecklistAccount[]
  state: ChecklistState
  evidence: ChecklistEvidence
  /** ms since the epoch */
  now: number
}>

/**
 * Every account's checklist, and "This computer"'s, with a status per item.
 * Pure: `now` and the evidence are passed in, so a test can step a year
 * forward. The result is JSON only (no Set, no Date), ready to cross the
 * contract.
 */
export function evaluateChecklist(input: ChecklistInput): ChecklistResult {
  return withComputer(input.accounts.map((account) => evaluateAccount(account, input)), input)
}

/**
 * The same, a slice of accounts per turn of the event loop: 1,000 accounts
 * are ~50 ms of work (far more on a busy machine), which would stop the
 * code frames.
 */
export async function evaluateChecklistInSlices(input: ChecklistInput): Promise<ChecklistResult> {
  return withComputer(await mapInSlices(input.accounts, (account) => evaluateAccount(account, input)), input)
}

function evaluateAccount(account: ChecklistAccount, input: ChecklistInput): AccountChecklistView {
  const saved = accountState(input.state, account.id)
  // Regions are Seller Central's; a region stored for another kind (the account's kind changed) is kept but not shown.
  const region = account.kind === 'seller-central' ? (account.region ?? saved?.region ?? null) : null
  const ticks = ticksFor(saved, account.kind)
  const items = checklistFor(account.kind, region).map((item) =>
    item.evidence === undefined ? manualStatus(item, ticks, input.now) : authenticatorStatus(item, account, input.evidence.accountIdsWithKey, input.now),
  )
  const note = region === null ? undefined : REGION_NOTES[region]
  return {
    accountId: account.id,
    kind: account.kind,
    issuer: account.issuer,
    label: account.label,
    region,
    suggestedRegion: account.kind === 'seller-central' && region === null ? guessRegion(account.issuer, account.label) : null,
    ...(note !== undefined ? { regionNote: note } : {}),
    items,
    keptFromKinds: keptTicks(saved, account.kind).flatMap(([kind, kept]) => {
      const shown = Object.entries(kept).flatMap(([id, c]) => {
        const title = findDefinition(kind, id)?.title
        return c.done && title ? [{ id, title, doneAt: c.at, ...(c.by ? { by: c.by } : {}), ...(c.note ? { note: c.note } : {}) }] : []
      })
      return shown.length > 0 ? [{ kind, items: shown }] : []
    }),
    progress: progressOf(items),
  }
}

/** The accounts' checklists with "This computer"'s, and the progress of all. */
function withComputer(accounts: AccountChecklistView[], input: ChecklistInput): ChecklistResult {
  // Nothing to say about the computer's items before there is an account to protect.
  const computerItems =
    accounts.length === 0
      ? []
      : computerChecklist().map((item) => {
          if (item.evidence === 'clock-in-sync') return clockStatus(item, input.evidence.clock, input.now)
          if (item.evidence === 'recent-backup') return backupStatus(item, input.accounts, input.evidence.backups, input.now)
          if (item.evidence === 'app-lock') return selfCheckStatus(item, input.evidence.lock?.appLock ?? null)
          if (item.evidence === 'screen-privacy') return selfCheckStatus(item, input.evidence.lock?.screenPrivacy ?? null)
          return manualStatus(item, input.state.computer?.items ?? {}, input.now)
        })
  const computer = { items: computerItems, progress: progressOf(computerItems) }
  return { accounts, computer, progress: sumProgress([...accounts.map((a) => a.progress), computer.progress]), evaluatedAt: input.now }
}

/** Done by hand or verified by SellerGuard: counts towards progress. */
export const isDone = (status: ItemStatus): boolean => status === 'done' || status === 'verified'

export function progressOf(items: readonly ChecklistItemView[]): ChecklistProgress {
  return { done: items.filter((i) => isDone(i.status)).length, total: items.length }
}

function sumProgress(parts: readonly ChecklistProgress[]): ChecklistProgress {
  return parts.reduce((sum, p) => ({ done: sum.done + p.done, total: sum.total + p.total }), { done: 0, total: 0 })
}

function manualStatus(item: ChecklistItem, ticks: KindTicks, now: number): ChecklistItemView {
  const completion = completionOf(ticks, item.id)
  const extras = { ...(completion?.by ? { by: completion.by } : {}), ...(completion?.note ? { note: completion.note } : {}) }
  if (completion === null || !completion.done) return { ...item, status: 'todo', checkedBy: 'you', ...extras }
  if (item.reviewEveryDays === undefined) return { ...item, status: 'done', checkedBy: 'you', doneAt: completion.at, ...extras }
  const reviewAt = completion.at + item.reviewEveryDays * DAY_MS
  return now >= reviewAt
    ? { ...item, status: 'due', checkedBy: 'you', doneAt: completion.at, dueSince: reviewAt, ...extras }
    : { ...item, status: 'done', checkedBy: 'you', doneAt: completion.at, reviewAt, ...extras }
}
