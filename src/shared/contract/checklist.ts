import { z } from 'zod'
import { method } from './define'
import { AccountId, AccountKind } from './accounts'

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

export const ChecklistItemView = z.object({
  id: ItemId,
  section: ChecklistSection,
  title: z.string(),
  why: z.string(),
  where: z.string(),
  region: SellerRegion.optional(),
  evidence: Evidence.optional(),
  reviewEveryDays: z.number().optional(),
  status: ItemStatus,
  checkedBy: z.enum(['you', 'sellerguard']),
  doneAt: z.number().optional(),
  by: z.string().optional(),
  note: z.string().optional(),
  dueSince: z.number().optional(),
  reviewAt: z.number().optional(),
  finding: z.string().optional(),
})
export type ChecklistItemView = z.infer<typeof ChecklistItemView>

const Progress = z.object({ done: z.number().int(), total: z.number().int() })

export const AccountChecklistView = z.object({
  accountId: AccountId,
  kind: AccountKind,
  issuer: z.string(),
  label: z.string(),
  region: SellerRegion.nullable(),
  regionNote: z.string().optional(),
  items: z.array(ChecklistItemView),
  progress: Progress,
})

export const ChecklistView = z.object({
  accounts: z.array(AccountChecklistView),
  progress: Progress,
  evaluatedAt: z.number(),
  /** The checklist file could not be read; nothing is written until the user chooses. */
  problem: z.object({ message: z.string(), backupUsable: z.boolean() }).nullable(),
})
export type ChecklistView = z.infer<typeof ChecklistView>

export const checklistMethods = {
  get: method(z.void(), ChecklistView),
  setItem: method(
    z.object({ accountId: AccountId, itemId: ItemId, done: z.boolean(), note: z.string().max(2000).optional(), by: z.string().max(100).optional() }).strict(),
    ChecklistView,
  ),
  setRegion: method(z.object({ accountId: AccountId, region: SellerRegion.nullable() }).strict(), ChecklistView),
  exportReport: method(z.object({ format: z.enum(['markdown', 'html']) }).strict(), z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() })),
  /** For a damaged checklist file: use its previous version, or start empty (the damaged file is kept aside either way). */
  recover: method(z.object({ use: z.enum(['backup', 'fresh']) }).strict(), ChecklistView),
}

export const checklistEvents = {
  changed: ChecklistView,
}
