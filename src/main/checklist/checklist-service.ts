import { apiError, type AccountSummary, type ApiError, type ChecklistItemChange, type ChecklistView, type ClockState, type ExportedFile, type ReportFormat } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { coalesce } from '../core/coalesce'
import { createListeners, type OnChange } from '../core/listeners'
import type { Logger } from '../core/log'
import type { FileIssues } from '../storage/file-issues'
import { createBackupRecord } from './backup-record'
import { evaluateChecklist, type ChecklistResult } from './evaluate'
import { exportChecklistReport } from './report'
import { ChecklistState, emptyChecklistState, setItem, setRegion } from './state'
import { createChecklistStore } from './store'
import type { SellerRegion } from './regions'

export type ChecklistServiceDeps = Readonly<{
  file: string
  /** Where the time of the last encrypted backup is kept (evidence for "recent backup"). */
  backupFile: string
  now: () => number
  log: Logger
  accounts: () => readonly AccountSummary[]
  /** Ids of accounts whose key is loaded from the keychain; null while it is locked or loading. */
  accountsWithKey: () => ReadonlySet<string> | null
  clockState: () => ClockState
  /** Where a damaged checklist or backup record is reported, and the user's choice comes from. */
  issues?: FileIssues
}>

export interface ChecklistService {
  view(): ChecklistView
  setItem(change: ChecklistItemChange): Promise<Result<ChecklistView, ApiError>>
  setRegion(accountId: string, region: SellerRegion | null): Promise<Result<ChecklistView, ApiError>>
  exportReport(format: ReportFormat): ExportedFile
  recover(use: 'backup' | 'fresh'): Promise<Result<ChecklistView, ApiError>>
  /** The ticks as stored, for an encrypted backup. */
  exportState(): ChecklistState
  /**
   * Brings ticks in from a backup: `ids` maps the backup's account ids to the
   * accounts just restored. Anything unreadable is ignored, never half-applied.
   */
  importState(state: unknown, ids: ReadonlyMap<string, string>): Promise<Result<ChecklistView, ApiError>>
  /** An encrypted backup was made at `at` (ms since the epoch). */
  recordBackup(at: number): Promise<void>
  /** What SellerGuard checks itself changed (accounts, keys, the clock): the view is recomputed soon, once per burst. */
  evidenceChanged(): void
  /** Called with the new view after every change: ticks, recovery, evidence. */
  onChange: OnChange<[view: ChecklistView]>
}

/**
 * The security checklist: ticks stored in checklist.json, evidence items
 * checked from what SellerGuard knows (a key in the keychain, the clock, the
 * last encrypted backup). A damaged file is reported, never reset silently.
 */
export async function createChecklistService(deps: ChecklistServiceDeps): Promise<ChecklistService> {
  const store = createChecklistStore(deps.file, deps.issues)
  const backups = await createBackupRecord(deps.backupFile, deps.issues)
  const changes = createListeners<[ChecklistView]>()
  let state: ChecklistState = emptyChecklistState()
  let problem: ChecklistView['problem'] = null

  async function load(): Promise<void> {
    const loaded = await store.load()
    if (loaded.kind === 'loaded') {
      state = loaded.state
      problem = null
      return
    }
    deps.log.error('checklist file unreadable', loaded)
    state = emptyChecklistState()
    problem =
      loaded.kind === 'damaged'
        ? { message: `The checklist file is damaged (${loaded.reason}). Nothing was changed.`, backupUsable: loaded.backup === 'usable' }
        : loaded.kind === 'too-new'
          ? { message: 'The checklist was saved by a newer SellerGuard. Update SellerGuard to use it.', backupUsable: loaded.backup === 'usable' }
          : { message: `The checklist file could not be read (${loaded.reason}).`, backupUsable: false }
  }
  await load()
  store.onRecovered((recovered) => {
    state = recovered
    problem = null
    changed()
  })

  function evaluate(): ChecklistResult {
    return evaluateChecklist({
      accounts: deps.accounts(),
      state,
      evidence: { accountIdsWithAuthenticator: deps.accountsWithKey(), clockState: deps.clockState(), lastBackupAt: backups.lastBackupAt() },
      now: deps.now(),
    })
  }
  const view = (): ChecklistView => ({ ...evaluate(), problem })
  /** Tells listeners, and returns the view for the reply. */
  const changed = (): Result<ChecklistView, ApiError> => {
    const next = view()
    changes.emit(next)
    return ok(next)
  }

  async function commit(next: ChecklistState): Promise<Result<ChecklistView, ApiError>> {
    const saved = await store.save(next)
    if (!saved.ok) {
      deps.log.error('could not save the checklist', saved.error)
      return err(apiError('io', problem ? problem.message : 'Could not save the checklist. Nothing was changed.'))
    }
    state = next
    return changed()
  }

  return {
    view,
    async setItem(change) {
      const account = deps.accounts().find((a) => a.id === change.accountId)
      if (!account) return err(apiError('not-found', 'That account does not exist.'))
      const next = setItem(state, { ...change, kind: account.kind, at: deps.now() })
      if (!next.ok) {
        const e = next.error
        const message =
          e.kind === 'checked-by-sellerguard'
            ? 'SellerGuard checks this item itself; it cannot be ticked by hand.'
            : e.kind === 'unknown-item'
              ? 'That item is not on this account’s checklist.'
              : e.message
        return err(apiError('invalid-input', message))
      }
      return commit(next.value)
    },
    async setRegion(accountId, region) {
      if (!deps.accounts().some((a) => a.id === accountId)) return err(apiError('not-found', 'That account does not exist.'))
      return commit(setRegion(state, accountId, region))
    },
    exportReport: (format) => exportChecklistReport(evaluate(), format),
    exportState: () => state,
    async importState(incoming, ids) {
      const parsed = ChecklistState.safeParse(incoming)
      if (!parsed.success) return err(apiError('invalid-input', 'The backup’s checklist could not be read; the accounts were restored without it.'))
      const accounts = { ...state.accounts }
      for (const [oldId, entry] of Object.entries(parsed.data.accounts)) {
        const newId = ids.get(oldId)
        if (newId) accounts[newId] = entry
      }
      return commit({ accounts })
    },
    async recover(use) {
      const restored = use === 'backup' ? await store.restoreBackup(deps.now()) : await store.startFresh(deps.now())
      return restored.ok ? ok(view()) : err(apiError('io', 'Could not recover the checklist file.'))
    },
    async recordBackup(at) {
      await backups.record(at)
      changed()
    },
    evidenceChanged: coalesce(() => changes.emit(view()), 50),
    onChange: changes.onChange,
  }
}
