import { z } from 'zod'
import { AccountId, AccountKind, type ChecklistItemChange } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { findComputerDefinition, findDefinition } from './definitions'
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

/** The ticks of one kind's checklist, by item id. */
export const KindTicks = z.record(ItemId, ManualCompletion)
export type KindTicks = z.infer<typeof KindTicks>

/**
 * Ticks belong to an item of a kind: "deposit-method" on Seller Central is
 * not KDP's "A bank account for royalties". `items` are the ticks of
 * `kind`; when the account's kind changes they move to `earlier` (kept,
 * shown, and restored if the kind changes back).
 */
export const AccountChecklistState = z.object({
  /** Seller Central region whose menu paths to show; null = not set (paths that hold everywhere). Before 0.2 only; the account holds it now. */
  region: SellerRegion.nullable(),
  items: KindTicks,
  /** The kind `items` were ticked for. Absent in files before 0.2: the account's kind when it is first seen. */
  kind: AccountKind.optional(),
  /** Ticks of kinds the account had before. */
  earlier: z.partialRecord(AccountKind, KindTicks).optional(),
})
export type AccountChecklistState = z.infer<typeof AccountChecklistState>

/** Everything the user ticked, per account and item, and for "This computer". Evidence items are never stored: SellerGuard checks them each time. */
export const ChecklistState = z.object({
  accounts: z.record(AccountKey, AccountChecklistState),
  /** "This computer"'s ticks (absent in files before 0.2). */
  computer: z.object({ items: KindTicks }).optional(),
})
export type ChecklistState = z.infer<typeof ChecklistState>

export const emptyChecklistState = (): ChecklistState => ({ accounts: {} })

const emptyAccount = (): AccountChecklistState => ({ region: null, items: {} })

/** An account's entry; own properties only, so an id like "constructor" finds nothing rather than Object's. */
export function accountState(state: ChecklistState, accountId: string): AccountChecklistState | null {
  return Object.hasOwn(state.accounts, accountId) ? state.accounts[accountId]! : null
}

const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | null => (record !== undefined && Object.hasOwn(record, key) ? record[key]! : null)

/** The ticks `entry` holds for `kind`'s checklist. */
export function ticksFor(entry: AccountChecklistState | null, kind: AccountKind): KindTicks {
  if (entry === null) return {}
  return entry.kind === undefined || entry.kind === kind ? entry.items : (own(entry.earlier, kind) ?? {})
}

export function completionOf(ticks: KindTicks, itemId: string): ManualCompletion | null {
  return own(ticks, itemId)
}

/** Ticks of other kinds than `kind`, kept from before a kind change. */
export function keptTicks(entry: AccountChecklistState | null, kind: AccountKind): [AccountKind, KindTicks][] {
  if (entry === null) return []
  const kept: [AccountKind, KindTicks][] = []
  if (entry.kind !== undefined && entry.kind !== kind) kept.push([entry.kind, entry.items])
  for (const [other, ticks] of Object.entries(entry.earlier ?? {}) as [AccountKind, KindTicks][]) if (other !== kind && other !== entry.kind) kept.push([other, ticks])
  return kept
}

/** The entry with `kind`'s ticks in `items` (the others kept in `earlier`). */
export function withKind(entry: AccountChecklistState, kind: AccountKind): AccountChecklistState {
  if (entry.kind === kind) return entry
  if (entry.kind === undefined) return { ...entry, kind }
  const earlier: Partial<Record<AccountKind, KindTicks>> = { ...entry.earlier }
  if (Object.keys(entry.items).length > 0) earlier[entry.kind] = entry.items
  const restored = own(earlier, kind) ?? {}
  delete earlier[kind]
  return { region: entry.region, kind, items: restored, ...(Object.keys(earlier).length > 0 ? { earlier } : {}) }
}

/**
 * Claims ticks saved before they had a kind (files before 0.2) for the
 * kind each account has now, the kind they were shown under. Entries of
 * accounts not listed are left alone.
 */
export function claimTicks(state: ChecklistState, accounts: readonly Readonly<{ id: string; kind: AccountKind }>[]): ChecklistState {
  let changed = false
  const entries = { ...state.accounts }
  for (const account of accounts) {
    const entry = accountState(state, account.id)
    if (entry !== null && entry.kind === undefined) {
      entries[account.id] = { ...entry, kind: account.kind }
      changed = true
    }
  }
  return changed ? { ...state, accounts: entries } : state
}

/**
 * The contract's item change, with what main adds. Fields left out keep
 * what is stored; `by` and `note` are cleared by an empty string.
 */
export type ItemUpdate = Readonly<
  Omit<ChecklistItemChange, 'accountId'> & {
    /** null: an item of "This computer". */
    accountId: string | null
    /** The account's kind: decides which items exist. Ignored for "This computer". */
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

/** Ticks, unticks, dates or annotates an item by hand. Pure: returns the new state. */
export function setItem(state: ChecklistState, update: ItemUpdate): Result<ChecklistState, ChecklistUpdateError> {
  const definition = update.accountId === null ? findComputerDefinition(update.itemId) : findDefinition(update.kind, update.itemId)
  if (definition === null) return err({ kind: 'unknown-item', itemId: update.itemId })
  if (definition.evidence !== undefined) return err({ kind: 'checked-by-sellerguard', itemId: update.itemId })
  if (update.accountId !== null && !AccountKey.safeParse(update.accountId).success) return err({ kind: 'invalid-input', message: 'Not an account id.' })
  if (!Number.isSafeInteger(update.at) || update.at < 0) return err({ kind: 'invalid-input', message: 'Not a time.' })
  if (update.doneAt !== undefined && (!Number.isSafeInteger(update.doneAt) || update.doneAt < 0)) return err({ kind: 'invalid-input', message: 'Not a date.' })
  if (update.doneAt !== undefined && update.doneAt > update.at) return err({ kind: 'invalid-input', message: 'The date it was done cannot be in the future.' })
  const entry = update.accountId === null ? null : withKind(accountState(state, update.accountId) ?? emptyAccount(), update.kind)
  const ticks = entry === null ? (state.computer?.items ?? {}) : entry.items
  const previous = completionOf(ticks, update.itemId)
  const by = (update.by ?? previous?.by ?? '').trim()
  const note = (update.note ?? previous?.note ?? '').trim()
  if (by.length > MAX_BY) return err({ kind: 'invalid-input', message: `"By" can be at most ${MAX_BY} characters.` })
  if (note.length > MAX_NOTE) return err({ kind: 'invalid-input', message: `A note can be at most ${MAX_NOTE} characters.` })
  const done = update.done ?? previous?.done ?? false
  if (update.doneAt !== undefined && !done) return err({ kind: 'invalid-input', message: 'Only a ticked item has a date it was done.' })
  // A tick (or untick) is dated now, or when the user says; a note or "by" alone keeps the tick and its date.
  const at = update.doneAt ?? (update.done !== undefined || previous === null ? update.at : previous.at)
  const completion: ManualCompletion = { done, at, ...(by ? { by } : {}), ...(note ? { note } : {}) }
  const items = { ...ticks, [update.itemId]: completion }
  if (entry === null || update.accountId === null) return ok({ ...state, computer: { items } })
  return ok({ ...state, accounts: { ...state.accounts, [update.accountId]: { ...entry, items } } })
}

/** Sets which Seller Central region's paths an account shows (null: not set). */
export function setRegion(state: ChecklistState, accountId: string, region: SellerRegion | null): ChecklistState {
  const account = accountState(state, accountId) ?? emptyAccount()
  return { ...state, accounts: { ...state.accounts, [accountId]: { ...account, region } } }
}

/**
 * Regions the checklist still keeps (before 0.2 it held them; now the
 * account does, since its short name needs the region everywhere).
 */
export function storedRegions(state: ChecklistState): [accountId: string, region: SellerRegion][] {
  return Object.entries(state.accounts).flatMap(([id, entry]) => (entry.region === null ? [] : [[id, entry.region] as [string, SellerRegion]]))
}

/** The state with the region of these accounts cleared (once the accounts hold it), ticks untouched. */
export function withoutRegions(state: ChecklistState, accountIds: ReadonlySet<string>): ChecklistState {
  return { ...state, accounts: Object.fromEntries(Object.entries(state.accounts).map(([id, entry]) => [id, accountIds.has(id) ? { ...entry, region: null } : entry])) }
}

/**
 * Drops the entries of accounts that no longer exist. Call it once an
 * account is gone for good (after the undo window), not on removal, or an
 * undone removal would come back with an empty checklist.
 */
export function pruneAccounts(state: ChecklistState, existingIds: ReadonlySet<string>): ChecklistState {
  return { ...state, accounts: Object.fromEntries(Object.entries(state.accounts).filter(([id]) => existingIds.has(id))) }
}
