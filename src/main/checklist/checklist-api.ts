import type { ApiError, ChecklistItemChange, ChecklistView, ClockStatus, ExportedFile, ReportFormat } from '../../shared/contract'
import type { Result } from '../../shared/result'
import type { OnChange } from '../core/listeners'
import type { Logger } from '../core/log'
import type { FileIssues } from '../storage/file-issues'
import type { BackupCoverage } from './evidence'
import type { ChecklistAccount, ChecklistEvidence } from './evaluate'
import type { SellerRegion } from './regions'
import type { ChecklistState } from './state'

/* What the checklist offers (the interface) and what it is built from (its dependencies); checklist-service.ts implements it. */

export type ChecklistServiceDeps = Readonly<{
  file: string
  /** Where the last encrypted backup, and which accounts it holds, is kept (evidence for "recent backup"). */
  backupFile: string
  now: () => number
  log: Logger
  /** The accounts, with their kind, region and "verified working" date where the vault keeps them. */
  accounts: () => readonly ChecklistAccount[]
  /** Ids of accounts whose key is loaded from the keychain; null while it is locked or loading. */
  accountsWithKey: () => ReadonlySet<string> | null
  /** The clock's status (its last trusted measurement and that measurement's age). */
  clockStatus: () => ClockStatus | null
  /** The app lock's and screen privacy's facts (lock/lock-evidence.ts); absent: the items stay "to do". */
  lockEvidence?: () => ChecklistEvidence['lock']
  /** Sets the region on the account itself (the vault): the checklist no longer keeps its own copy. */
  setAccountRegion: (accountId: string, region: SellerRegion | null) => Promise<Result<unknown, ApiError>>
  /** Runs `fn` after `ms`; returns a cancel. Default: an unref'd setTimeout (tests pass their own). */
  setTimer?: (fn: () => void, ms: number) => () => void
  /** Where a damaged checklist or backup record is reported, and the user's choice comes from. */
  issues?: FileIssues
  /** What the automatic (and recorded exported) backups hold now; the checklist's own record covers exports from before them. */
  backupCoverage?: () => BackupCoverage | null
}>

export interface ChecklistService {
  view(): ChecklistView
  /** The same, evaluated a slice of accounts at a time (1,000 accounts are ~50 ms of work): for the UI's request. */
  viewInSlices(): Promise<ChecklistView>
  setItem(change: ChecklistItemChange): Promise<Result<ChecklistView, ApiError>>
  setRegion(accountId: string, region: SellerRegion | null): Promise<Result<ChecklistView, ApiError>>
  exportReport(format: ReportFormat): ExportedFile
  recover(use: 'backup' | 'fresh'): Promise<Result<ChecklistView, ApiError>>
  /**
   * Moves regions the checklist file still holds (written before 0.2, or
   * restored from an old backup) onto their accounts, then clears them
   * here; an account that already has a region keeps it. Nothing is
   * cleared unless the account holds the region, so nothing is lost if a
   * write fails: the next start tries again.
   */
  moveRegionsToAccounts(): Promise<void>
  /** The ticks as stored, for an encrypted backup (with each account's region, as before 0.2). */
  exportState(): ChecklistState
  /**
   * Brings ticks in from a backup: `ids` maps the backup's account ids to the
   * accounts just restored. Anything unreadable is ignored, never half-applied.
   */
  importState(state: unknown, ids: ReadonlyMap<string, string>): Promise<Result<ChecklistView, ApiError>>
  /** An encrypted backup of `accountIds` was made at `at` (ms since the epoch). */
  recordBackup(at: number, accountIds: readonly string[]): Promise<void>
  /** What SellerGuard checks itself changed (accounts, keys, the clock): the view is recomputed soon, once per burst. */
  evidenceChanged(): void
  /** Called with the new view after every change: ticks, recovery, evidence, and an item falling due while the app runs. */
  onChange: OnChange<[view: ChecklistView]>
}
