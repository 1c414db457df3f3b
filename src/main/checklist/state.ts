import { z } from 'zod'
import { AccountId, type AccountKind, type ChecklistItemChange } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { findDefinition } from './definitions'
import { ItemId } from './item'
import { SellerRegion } from './regions'

/** Longest note kept on an item, characters. */
export const MAX_NOTE = 2000
/** Longest "by" (who ticked it), characters. */
export const MAX_BY = 100

/** A tick (or an untick) by hand. */
export const ManualCompletion = z.object({
  done: z.boolean(),
  /** Who ticked it, as typed ("Ana", "accountant"). */
  by: z.string().max(MAX_BY).optional(),
  /** When it was last ticked or unticked, ms since the epoch. */
  at: z.number().int().nonnegative(),
  note: z.string().max(MAX_NOTE).optional(),
})
export type ManualCompletion = z.infer<typeof ManualCompletion>

// An account id may legally spell "__proto__"; as a record key it could replace a prototype. Refused here (zod's record parsing drops such a key from files too).
const AccountKey = AccountId.refine((id) => id !== '__proto__', 'a safe account id')

export const AccountChecklistState = z.object({
  /** Seller Central region whose menu paths to show; null = not set (paths that hold everywhere). */
  region: SellerRegion.nullable(),
  items: z.record(ItemId, ManualCompletion),
})
export type AccountChecklistState = z.infer<typeof AccountChecklistState>

/** Everything the user ticked, per account and item. Evidence items are never stored: SellerGuard checks them each time. */
export const ChecklistState = z.object({ accounts: z.record(AccountKey, AccountChecklistState) })
export type ChecklistState = z.infer<typeof ChecklistState>

export const emptyChecklistState = (): ChecklistState => ({ accounts: {} })

const emptyAccount = (): AccountChecklistState => ({ region: null, items: {} })

/** An account's entry; own properties only, so an id like "constructor" finds nothing rather than Object's. */
export function accountState(state: ChecklistState, accountId: string): AccountChecklistState | null {
  return Object.hasOwn(state.accounts, accountId) ? state.accounts[accountId]! : null
}

export function completionOf(account: AccountChecklistState | null, itemId: string): ManualCompletion | null {
  return account !== null && Object.hasOwn(account.items, itemId) ? account.items[itemId]! : null
}

/**
 * The contract's item change, with what main adds. `by` and `note`: omitted
 * keeps the previous value; an empty string clears it.
 */
export type ItemUpdate = Readonly<
  ChecklistItemChange & {
    /** The account's kind: decides which items exist. */
    kind: AccountKind
    /** Now, ms since the epoch (main's clock, not the renderer's). */
    at: number
  }
>

export type ChecklistUpdateError =
  | Readonly<{ kind: 'unknown-item'; itemId: string }>
  /** Evidence items say "checked by SellerGuard": a tick by hand would claim what was never checked. */
  | Readonly<{ kind: 'checked-by-sellerguard'; itemId: string }>
  | Readonly<{ kind: 'invalid-input'; message: string }>

/** Ticks or unticks an item by hand. Pure: returns the new state. */
export function setItem(state: ChecklistState, update: ItemUpdate): Result<ChecklistState, ChecklistUpdateError> {
  const definition = findDefinition(update.kind, update.itemId)
  if (definition === null) return err({ kind: 'unknown-item', itemId: update.itemId })
  if (definition.evidence !== undefined) return err({ kind: 'checked-by-sellerguard', itemId: update.itemId })
  if (!AccountKey.safeParse(update.accountId).success) return err({ kind: 'invalid-input', message: 'Not an account id.' })
  if (!Number.isSafeInteger(update.at) || update.at < 0) return err({ kind: 'invalid-input', message: 'Not a time.' })
  const account = accountState(state, update.accountId) ?? emptyAccount()
  const previous = completionOf(account, update.itemId)
  const by = (update.by ?? previous?.by ?? '').trim()
  const note = (update.note ?? previous?.note ?? '').trim()
  if (by.length > MAX_BY) return err({ kind: 'invalid-input', message: `"By" can be at most ${MAX_BY} characters.` })
  if (note.length > MAX_NOTE) return err({ kind: 'invalid-input', message: `A note can be at most ${MAX_NOTE} characters.` })
  const completion: ManualCompletion = { done: update.done, at: update.at, ...(by ? { by } : {}), ...(note ? { note } : {}) }
  const items = { ...account.items, [update.itemId]: completion }
  return ok({ accounts: { ...state.accounts, [update.accountId]: { ...account, items } } })
}

/** Sets which Seller Central region's paths an account shows (null: not set). */
export function setRegion(state: ChecklistState, accountId: string, region: SellerRegion | null): ChecklistState {
  const account = accountState(state, accountId) ?? emptyAccount()
  return { accounts: { ...state.accounts, [accountId]: { ...account, region } } }
}

/**
 * Drops the entries of accounts that no longer exist. Call it once an
 * account is gone for good (after the undo window), not on removal, or an
 * undone removal would come back with an empty checklist.
 */
export function pruneAccounts(state: ChecklistState, existingIds: ReadonlySet<string>): ChecklistState {
  return { accounts: Object.fromEntries(Object.entries(state.accounts).filter(([id]) => existingIds.has(id))) }
}
