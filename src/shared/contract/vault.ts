import { z } from 'zod'
import { method } from './define'
import { AccountId, AccountSummary } from './accounts'
import { MAX_ACCOUNTS_PER_REQUEST } from './limits'

/**
 * `not-answering`: the keychain crashed or did not answer within the call timeout (often a
 * keyring locked while SellerGuard was reading it); SellerGuard stopped waiting, Retry asks again.
 */
export const KeychainState = z.enum(['checking', 'ready', 'locked', 'unavailable', 'not-answering'])
export type KeychainState = z.infer<typeof KeychainState>

export const AccountRef = z.object({ id: AccountId, issuer: z.string(), label: z.string() })
export type AccountRef = z.infer<typeof AccountRef>

/** The OS keychain as the UI shows it: state, the OS's own words, and how to fix it here. */
export const KeychainStatus = z.object({
  state: KeychainState,
  /** What the OS said (for `locked` / `unavailable` / `not-answering`). */
  reason: z.string().nullable(),
  /** Plain-language steps for this OS. */
  help: z.string().nullable(),
  /** Name of the keychain on this OS ("Secret Service", "macOS Keychain", "Windows Credential Manager"). */
  keychainName: z.string(),
  /** Accounts whose metadata exists but whose keychain item is missing: reported, never deleted. */
  missingSecrets: z.array(AccountRef),
  /** Keychain items with no account metadata (e.g. a crash during delete): reported, never deleted silently. */
  orphanSecrets: z.array(AccountId),
  /** The account list file could not be read (damaged, or from a newer SellerGuard): nothing is written until it is resolved. */
  metadataProblem: z.string().nullable(),
  /** Whether a previous version of the account list exists to fall back to. */
  backupAvailable: z.boolean(),
  /** Secrets loaded so far (codes stream in as they arrive). */
  loaded: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
})
export type KeychainStatus = z.infer<typeof KeychainStatus>

export const vaultMethods = {
  status: method(z.void(), KeychainStatus),
  /** Probe the keychain again (after the user unlocked or started it). */
  retry: method(z.void(), KeychainStatus),
  /** Replace a damaged account list with its previous version (the damaged file is kept aside). */
  useBackup: method(z.void(), KeychainStatus),
  /** Make keychain items without an account (`orphanSecrets`) accounts again, under their own id; the user renames them. */
  adoptOrphans: method(z.object({ ids: z.array(AccountId).min(1).max(MAX_ACCOUNTS_PER_REQUEST) }).strict(), z.array(AccountSummary)),
  /** Delete keychain items without an account: only on the user's explicit request (`confirm`), they cannot be brought back. */
  deleteOrphans: method(z.object({ ids: z.array(AccountId).min(1).max(MAX_ACCOUNTS_PER_REQUEST), confirm: z.literal(true) }).strict(), KeychainStatus),
}

export const vaultEvents = {
  status: KeychainStatus,
}
