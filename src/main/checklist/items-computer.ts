import type { ChecklistItemDefinition } from './item'
import { clockItem, neverShareItem, recentBackupItem } from './items-common'

/**
 * Items about this computer and its user, not about one account: shown
 * once, in "This computer", however many accounts there are (one stale
 * backup is one item to fix, not one per account).
 */
export const computerItems: readonly ChecklistItemDefinition[] = [clockItem, neverShareItem, recentBackupItem]
