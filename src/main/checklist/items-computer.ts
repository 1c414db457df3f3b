import type { ChecklistItemDefinition } from './item'
import { clockItem, neverShareItem, recentBackupItem } from './items-common'
import { SELLERGUARD_OWN } from './sources'

/** SellerGuard's app lock (Settings → App lock): what it finds is lock/lock-evidence.ts's. */
export const appLockItem: ChecklistItemDefinition = {
  id: 'app-lock',
  section: 'people-and-devices',
  title: 'SellerGuard’s app lock is on, with auto-lock',
  why:
    'Anyone at this computer while you are signed in to it can open SellerGuard and copy a code. ' +
    'With the app lock on, SellerGuard asks for its own password, locks itself when the computer is idle or the screen locks, and keeps the secrets in the keychain encrypted.',
  where: 'SellerGuard → Settings → App lock',
  evidence: 'app-lock',
  sources: [SELLERGUARD_OWN],
}

/** Content protection (Windows, macOS) or "Hide codes" (every system). */
export const screenPrivacyItem: ChecklistItemDefinition = {
  id: 'screen-privacy',
  section: 'people-and-devices',
  title: 'Codes stay out of screen shares',
  why:
    'When you share your screen with a support agent or an assistant, they see every code SellerGuard shows. ' +
    'Content protection keeps the window out of shares and recordings where the system allows it; “Hide codes” shows a code only on the row you click.',
  where: 'SellerGuard → Settings → Screen privacy',
  evidence: 'screen-privacy',
  sources: [SELLERGUARD_OWN],
}

/**
 * Items about this computer and its user, not about one account: shown
 * once, in "This computer", however many accounts there are (one stale
 * backup is one item to fix, not one per account).
 */
export const computerItems: readonly ChecklistItemDefinition[] = [clockItem, neverShareItem, recentBackupItem, appLockItem, screenPrivacyItem]
