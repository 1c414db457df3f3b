import { z } from 'zod'
import { CHECKLIST_SECTIONS } from './choices'
import { method } from './define'
import { AccountId, AccountKind, SellerRegion } from './accounts'
import { ExportedFile } from './files'
import { MAX_DONE_BY_LENGTH, MAX_NOTE_LENGTH } from './limits'

export const ChecklistSection = z.enum(CHECKLIST_SECTIONS)
export type ChecklistSection = z.infer<typeof ChecklistSection>

/** What SellerGuard can check for itself. Such items are never ticked by hand. */
export const Evidence = z.enum(['authenticator-in-vault', 'clock-in-sync', 'recent-backup', 'app-lock', 'screen-privacy'])
export type Evidence = z.infer<typeof Evidence>

export { SellerRegion } from './accounts'

/** Stable: stored in the checklist file, so never renamed. */
export const ItemId = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'a checklist item id')

/**
 * A page an item's path and claims were checked against: shown as "Amazon
 * help: …" beside the item and in reports. `unconfirmed` says what the page
 * does not confirm (the item then says what to look for, not a control
 * that may not exist).
 */
export const ItemSource = z.object({
  /** `amazon`: Amazon's own help or posts; `other`: a standard or a tax authority; `sellerguard`: advice with no outside page. */
  publisher: z.enum(['amazon', 'other', 'sellerguard']),
  /** The page's title as published ("About Two-Step Verification"). */
  title: z.string(),
  /** Amazon's help page id ("202110760"), when it has one. */
  pageId: z.string().optional(),
  url: z.string().url().optional(),
  /** The day the page was read, "YYYY-MM-DD". */
  checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** What the page does not confirm, in one sentence. */
  unconfirmed: z.string().optional(),
})
export type ItemSource = z.infer<typeof ItemSource>

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
  /** What the path and claims were checked against, at least one. */
  sources: z.array(ItemSource).min(1),
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
  /** While `region` is not set: the region the issuer or label names ("amazon.de"), for the user to confirm; null when they name none. */
  suggestedRegion: SellerRegion.nullable(),
  /** A hint for following the paths in this region, if there is one. */
  regionNote: z.string().optional(),
  items: z.array(ChecklistItemView),
  /**
   * Ticks kept from kinds the account had before (Seller Central → KDP):
   * shown as "from the Seller Central checklist", never counted, and back
   * in place if the kind changes back.
   */
  keptFromKinds: z.array(z.object({ kind: AccountKind, items: z.array(z.object({ id: ItemId, title: z.string(), doneAt: z.number(), by: z.string().optional(), note: z.string().optional() })) })),
  progress: ChecklistProgress,
})
export type AccountChecklistView = z.infer<typeof AccountChecklistView>

/** Items about this computer and its user (the clock, backups, a habit): shown once, not per account. */
export const ComputerChecklistView = z.object({ items: z.array(ChecklistItemView), progress: ChecklistProgress })
export type ComputerChecklistView = z.infer<typeof ComputerChecklistView>

export const ChecklistView = z.object({
  accounts: z.array(AccountChecklistView),
  /** Empty (no items) while there are no accounts. */
  computer: ComputerChecklistView,
  /** Every account's items and the computer's. */
  progress: ChecklistProgress,
  /** The `now` it was evaluated at, ms since the epoch. */
  evaluatedAt: z.number(),
  /** The checklist file could not be read; nothing is written until the user chooses. */
  problem: z
    .object({
      /** What happened, in plain words. */
      message: z.string(),
      /** The previous version (`.bak`) can be used instead ("Use previous version"). */
      backupUsable: z.boolean(),
      /** What using the previous version loses; null when there is none to use. */
      backupLoses: z.string().nullable(),
      /** "Start fresh (the damaged file is kept)" is offered. */
      canStartFresh: z.boolean(),
      /** What starting fresh does with the damaged file. */
      fresh: z.string(),
    })
    .nullable(),
})
export type ChecklistView = z.infer<typeof ChecklistView>

/** The fields an item takes from its definition: the same for every account of a kind and region. */
const DEFINED = { id: true, section: true, title: true, why: true, where: true, region: true, evidence: true, reviewEveryDays: true, sources: true } as const

/** One item as sent: what is this account's own, and `def`, its definition's place in `definitions`. */
export const PackedItemView = ChecklistItemView.omit(DEFINED).extend({ def: z.number().int().nonnegative() })
export type PackedItemView = z.infer<typeof PackedItemView>

/**
 * The checklist as main sends it (`checklist.get` and the other replies): each
 * item definition once, in `definitions`, and each account's items by
 * their place in it (shared/checklist-packing.ts). The static words (title,
 * why, where, sources: ~1 KB an item) would otherwise repeat for every
 * account: 4.9 MB at 1,000 accounts. The renderer unpacks it into the
 * `ChecklistView` above.
 */
export const PackedChecklistView = ChecklistView.omit({ accounts: true, computer: true }).extend({
  definitions: z.array(ChecklistItem),
  accounts: z.array(AccountChecklistView.omit({ items: true }).extend({ items: z.array(PackedItemView) })),
  computer: ComputerChecklistView.omit({ items: true }).extend({ items: z.array(PackedItemView) }),
})
export type PackedChecklistView = z.infer<typeof PackedChecklistView>

/**
 * Changes one item of one account (`accountId: null`: an item of "This
 * computer"). Each field left out keeps what is stored, so a note edit
 * (`note` alone) keeps the tick and its date.
 * - `done`: tick (true) or untick (false). Ticking sets the date to now,
 *   or to `doneAt` when the user says when it was done.
 * - `doneAt`: when it was done, ms since the epoch; not in the future. Alone, it corrects the date of a ticked item.
 * - `note`, `by`: an empty string clears them.
 */
export const ChecklistItemChange = z
  .object({
    accountId: AccountId.nullable(),
    itemId: ItemId,
    done: z.boolean().optional(),
    doneAt: z.number().int().nonnegative().optional(),
    note: z.string().max(MAX_NOTE_LENGTH).optional(),
    by: z.string().max(MAX_DONE_BY_LENGTH).optional(),
  })
  .strict()
export type ChecklistItemChange = z.infer<typeof ChecklistItemChange>

export const ReportFormat = z.enum(['markdown', 'html'])
export type ReportFormat = z.infer<typeof ReportFormat>

export const checklistMethods = {
  get: method(z.void(), PackedChecklistView),
  setItem: method(ChecklistItemChange, PackedChecklistView),
  setRegion: method(z.object({ accountId: AccountId, region: SellerRegion.nullable() }).strict(), PackedChecklistView),
  exportReport: method(z.object({ format: ReportFormat }).strict(), ExportedFile),
  /** For a damaged checklist file: use its previous version, or start empty (the damaged file is kept aside either way). */
  recover: method(z.object({ use: z.enum(['backup', 'fresh']) }).strict(), PackedChecklistView),
}

/**
 * `checklist.changed`: the checklist is not what it was (a tick, an account
 * added or removed, new evidence). Only when: a screen showing the
 * checklist asks for it again (`checklist.get`). The view itself is not
 * pushed: 835 KB at 1,050 accounts, which a page showing the codes read and
 * unpacked for nothing (~50 ms of its frames at the end of a 1,000-entry
 * import, issue 16 §4).
 */
export const ChecklistChanged = z.object({
  /** The `now` the new view was evaluated at, ms since the epoch. */
  evaluatedAt: z.number(),
})
export type ChecklistChanged = z.infer<typeof ChecklistChanged>

export const checklistEvents = {
  changed: ChecklistChanged,
}
