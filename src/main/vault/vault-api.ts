import type { AccountPatch, AccountSummary, ApiError, KeychainStatus } from '../../shared/contract'
import type { Result } from '../../shared/result'
import type { OnChange } from '../core/listeners'
import type { Logger } from '../core/log'
import type { NormalisedKey } from '../otp/base32'
import type { AccountDraft, AddOptions, NewAccountItem } from './add-accounts'
import type { AccountStore } from './account-store'
import type { Comparable, DuplicateReport } from './duplicates'
import type { PendingRollbacks } from './pending-rollbacks'
import type { SecretStore } from './secret-store'

/* What the vault offers (the interface) and what it is built from (its dependencies); vault.ts implements it. */

export type { AccountDraft } from './add-accounts'

/** What main itself may change besides a patch from the UI: the confirmation date and the last copy. */
export type AccountUpdate = Omit<AccountPatch, 'icon'> & Partial<Pick<AccountSummary, 'verifiedAt' | 'lastUsedAt' | 'icon'>>

export type VaultChange = 'accounts' | 'keys' | 'status'

export type VaultDeps = Readonly<{
  secrets: SecretStore
  store: AccountStore
  /** Keychain items of unfinished adds and imports (pending-rollbacks.json); in memory when absent. */
  rollbacks?: PendingRollbacks
  platform: NodeJS.Platform
  now: () => number
  log: Logger
  /** How long a deleted account can be brought back, ms. */
  undoWindowMs?: number
  /** Codes are published when this many secrets are in at start-up, then at doubling counts, so the first show at once. */
  batchSize?: number
  /** Keychain reads in flight at once at start-up. */
  readConcurrency?: number
  newId?: () => string
  /** The app lock (lock/): asked after the keychain probe and before any secret is read; false while locked. */
  mayReadSecrets?: () => Promise<boolean>
  /**
   * Awaited after the secrets are in and before the keychain is listed for orphans: the services
   * let the codes go out first, and at start-up the window paint them (changes.ts codesOut and
   * startedUp), so a long listing never holds up the first screen.
   */
  beforeOrphanCheck?: () => Promise<void>
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}>

export interface Vault {
  status(): KeychainStatus
  /** Accounts in display order. */
  accounts(): readonly AccountSummary[]
  get(id: string): AccountSummary | undefined
  /** The decoded key of an account, for computing codes in main; undefined until loaded. */
  key(id: string): Uint8Array | undefined
  /** Ids of the accounts whose key is loaded; null while the keychain is not ready or still loading. */
  accountIdsWithKey(): ReadonlySet<string> | null
  /** Which of `incoming` repeat an account already here, or an earlier one of `incoming` (worked out a slice of accounts at a time). */
  duplicatesOf(incoming: readonly Comparable[]): Promise<DuplicateReport>
  /** Loads metadata, probes the keychain, then streams secrets in. */
  start(): Promise<void>
  retry(): Promise<KeychainStatus>
  useBackup(): Promise<KeychainStatus>
  /** Keychain items without an account become accounts again (orphans.ts). */
  adoptOrphans(ids: readonly string[]): Promise<Result<AccountSummary[], ApiError>>
  /** Deletes keychain items without an account, on the user's explicit request. */
  deleteOrphans(ids: readonly string[]): Promise<Result<KeychainStatus, ApiError>>
  /** The app locked: every key held is overwritten and dropped (a load in flight stops); codes go with them. */
  forgetSecrets(): void
  /** The app unlocked: the secrets are read again. */
  readSecrets(): Promise<void>
  /** Adds one account; refuses one that is already here. */
  add(draft: AccountDraft, key: NormalisedKey): Promise<Result<AccountSummary, ApiError>>
  /** Adds several accounts all or nothing: if the keychain fails halfway, what was written is removed. */
  addMany(items: readonly NewAccountItem[], options?: AddOptions): Promise<Result<AccountSummary[], ApiError>>
  update(patch: AccountUpdate): Promise<Result<AccountSummary, ApiError>>
  reorder(ids: readonly string[]): Promise<Result<AccountSummary[], ApiError>>
  remove(id: string): Promise<Result<{ id: string; undoUntil: number }, ApiError>>
  undoRemove(id: string): Promise<Result<AccountSummary, ApiError>>
  /** Reads the secret from the keychain for an explicit reveal. */
  reveal(id: string): Promise<Result<NormalisedKey, ApiError>>
  /** HOTP: counter + 1, saved before the caller shows the new code. */
  advanceCounter(id: string): Promise<Result<AccountSummary, ApiError>>
  onChange: OnChange<[change: VaultChange]>
  /** Carries out deletions still waiting for their undo window. */
  dispose(): Promise<void>
}
