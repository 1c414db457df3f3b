import type { AccountKind } from '../../shared/contract'
import type { ChecklistItem } from '../../shared/contract'
import type { ChecklistItemDefinition } from './item'
import { associatesItems } from './items-associates'
import { computerItems } from './items-computer'
import { kdpItems } from './items-kdp'
import { otherItems } from './items-other'
import { sellerCentralItems } from './items-seller-central'
import type { SellerRegion } from './regions'

const BY_KIND: Readonly<Record<AccountKind, readonly ChecklistItemDefinition[]>> = {
  'seller-central': sellerCentralItems,
  kdp: kdpItems,
  associates: associatesItems,
  // A buyer account and AWS get the general items (two-step, recovery) until they have their own.
  'amazon-buyer': otherItems,
  aws: otherItems,
  other: otherItems,
}

/** The items for an account kind, as defined (paths for every region). */
export function definitionsFor(kind: AccountKind): readonly ChecklistItemDefinition[] {
  return BY_KIND[kind]
}

export function findDefinition(kind: AccountKind, itemId: string): ChecklistItemDefinition | null {
  return BY_KIND[kind].find((d) => d.id === itemId) ?? null
}

/** The items of "This computer" (the clock, backups, a habit): one set however many accounts there are. */
export function computerChecklist(): ChecklistItem[] {
  return computerItems.map((d) => resolve(d, null))
}

export function findComputerDefinition(itemId: string): ChecklistItemDefinition | null {
  return computerItems.find((d) => d.id === itemId) ?? null
}

/**
 * The checklist for one account: each item with its text chosen for the
 * region (null: the text that holds everywhere). `region` is set on an item
 * only when its text is specific to that region.
 */
export function checklistFor(kind: AccountKind, region: SellerRegion | null = null): ChecklistItem[] {
  return BY_KIND[kind].map((d) => resolve(d, region))
}

function resolve(definition: ChecklistItemDefinition, region: SellerRegion | null): ChecklistItem {
  const { byRegion, ...item } = definition
  const regional = region === null ? undefined : byRegion?.[region]
  return regional === undefined || region === null ? item : { ...item, ...regional, region }
}
