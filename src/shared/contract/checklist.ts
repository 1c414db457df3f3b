import { z } from 'zod'
import { method } from './define'
import { AccountId, AccountKind } from './accounts'
import { ExportedFile } from './files'
import { MAX_DONE_BY_LENGTH, MAX_NOTE_LENGTH } from './limits'

export const ChecklistSection = z.enum(['sign-in', 'bank-and-tax', 'people-and-devices', 'recovery'])
export type ChecklistSection = z.infer<typeof ChecklistSection>

/** What SellerGuard can check for itself. Such items are never ticked by hand. */
export const Evidence = z.enum(['authenticator-in-vault', 'clock-in-sync', 'recent-backup'])
export type Evidence = z.infer<typeof Evidence>

/** Seller Central's regional sites (their menus differ a little). */
export const SellerRegion = z.enum(['na', 'eu', 'fe', 'in'])
export type SellerRegion = z.infer<typeof SellerRegion>

/** Stable: stored in the checklist file, so never renamed. */
export const ItemId = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'a checklist item id')

export const ItemStatus = z.enum(['done', 'todo', 'due', 'verified', 'failing'])
export type ItemStatus = z.infer<typeof ItemStatus>

/** One thing to check, for one account: `where` already chosen for the account's region. */
export const ChecklistItem = z.object({
  id: ItemId,
  section: ChecklistSection,
  title: z.string(),
  /** Why it matters, in plain words. */
  why: z.string(),
  /** Where to do it: a menu path as Amazon names it ("Settings → Account Info → Deposit Methods"). */
  where: z.string(),
  /** Set when `where` is specific to this region. */
  region: SellerRegion.optional(),
  /** SellerGuard checks this itself. */
  evidence: Evidence.optional(),
  /** Done by hand, it comes back as due this many days later (for an evidence item: how old the evidence may be). */
  reviewEveryDays: z.number().optional(),
})
export type ChecklistItem = z.infer<typeof ChecklistItem>

/**
 * - `done`: ticked by hand, and not yet due for review;
 * - `todo`: not ticked (or unticked), or SellerGuard cannot tell yet;
 * - `due`: was done, but its review interval has passed;
 * - `verified`: SellerGuard checked it and it holds;
 * - `failing`: SellerGuard checked it and it does not.
 */
export const ChecklistItemView = ChecklistItem.extend({
  status: ItemStatus,
  /** Evidence items are checked by SellerGuard and cannot be ticked by hand. */
  checkedBy: z.enum(['you', 'sellerguard']),
  /** When it was last ticked, ms since the epoch (for `done` and `due`). */
  doneAt: z.number().optional(),
  by: z.string().optional(),
  note: z.string().optional(),
  /** Since when it has been due, ms since the epoch. */
  dueSince: z.number().optional(),
  /** When a `done` item comes back as due, ms since the epoch. */
  reviewAt: z.number().optional(),
  /** What SellerGuard found, for evidence items, in one sentence. */
  finding: z.string().optional(),
})
export type ChecklistItemView = z.infer<typeof ChecklistItemView>

/** `done` counts items done or verified; due, failing and to-do items are what is left. */
export const ChecklistProgress = z.object({ done: z.number().int(), total: z.number().int() })
export type ChecklistProgress = z.infer<typeof ChecklistProgress>

export const AccountChecklistView = z.object({
  accountId: AccountId,
  kind: AccountKind,
  issuer: z.string(),
  label: z.string(),
  region: SellerRegion.nullable(),
  /** A hint for following the paths in this region, if there is one. */
  regionNote: z.string().optional(),
  items: z.array(ChecklistItemView),
  progress: ChecklistProgress,
})
export type AccountChecklistView = z.infer<typeof AccountChecklistView>

export const ChecklistView = z.object({
  accounts: z.array(AccountChecklistView),
  progress: ChecklistProgress,
  /** The `now` it was evaluated at, ms since the epoch. */
  evaluatedAt: z.number(),
  /** The checklist file could not be read; nothing is written until the user chooses. */
  problem: z.object({ message: z.string(), backupUsable: z.boolean() }).nullable(),
})
export type ChecklistView = z.infer<typeof ChecklistView>

/** Ticks (or unticks) one item of one account, with an optional note and who did it. */
export const ChecklistItemChange = z
  .object({ accountId: AccountId, itemId: ItemId, done: z.boolean(), note: z.string().max(MAX_NOTE_LENGTH).optional(), by: z.string().max(MAX_DONE_BY_LENGTH).optional() })
  .strict()
export type ChecklistItemChange = z.infer<typeof ChecklistItemChange>

export const ReportFormat = z.enum(['markdown', 'html'])
export type ReportFormat = z.infer<typeof ReportFormat>

export const checklistMethods = {
  get: method(z.void(), ChecklistView),
  setItem: method(ChecklistItemChange, ChecklistView),
  setRegion: method(z.object({ accountId: AccountId, region: SellerRegion.nullable() }).strict(), ChecklistView),
  exportReport: method(z.object({ format: ReportFormat }).strict(), ExportedFile),
  /** For a damaged checklist file: use its previous version, or start empty (the damaged file is kept aside either way). */
  recover: method(z.object({ use: z.enum(['backup', 'fresh']) }).strict(), ChecklistView),
}

export const checklistEvents = {
  changed: ChecklistView,
}
