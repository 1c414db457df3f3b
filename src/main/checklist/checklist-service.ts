import { apiError, type ApiError, type ChecklistView } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { coalesce } from '../core/coalesce'
import { createListeners } from '../core/listeners'
import { createSerial } from '../core/serial'
import { createBackupRecord } from './backup-record'
import type { ChecklistService, ChecklistServiceDeps } from './checklist-api'
import { mergeCoverage } from './evidence'
import { evaluateChecklist, evaluateChecklistInSlices, type ChecklistInput, type ChecklistResult } from './evaluate'
import { problemView } from './problem-text'
import { exportChecklistReport } from './report'
import { ChecklistState, accountState, claimTicks, emptyChecklistState, setItem, storedRegions, withoutRegions } from './state'
import { createChecklistStore } from './store'
import { nextReviewAt } from './whats-left'

/** setTimeout's longest delay (about 24.8 days); a later review is reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1

function defaultTimer(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms)
  timer.unref?.()
  return () => clearTimeout(timer)
}

/**
 * The security checklist: ticks stored in checklist.json, evidence items
 * checked from what SellerGuard knows (a key in the keychain and the user's
 * confirmation that the site accepted it, the clock, which accounts the
 * last encrypted backup holds). A damaged file is reported, never reset
 * silently. Items fall due while the app runs: the view is pushed again at
 * the next moment an item's status changes with time alone.
 */
export async function createChecklistService(deps: ChecklistServiceDeps): Promise<ChecklistService> {
  const store = createChecklistStore(deps.file, deps.issues)
  const backups = await createBackupRecord(deps.backupFile, deps.issues)
  const changes = createListeners<[ChecklistView]>()
  const setTimer = deps.setTimer ?? defaultTimer
  let state: ChecklistState = emptyChecklistState()
  let problem: ChecklistView['problem'] = null
  let cancelTimer: (() => void) | null = null
  // One change at a time: a note saved as the box is ticked must not be lost to the tick read from the state before it.
  const serial = createSerial()
  let exported: Readonly<{ state: ChecklistState; regions: string; value: ChecklistState }> | null = null

  async function load(): Promise<void> {
    const loaded = await store.load()
    if (loaded.kind === 'loaded') {
      state = loaded.state
      problem = null
      return
    }
    deps.log.error('checklist file unreadable', loaded)
    state = emptyChecklistState()
    problem = problemView(loaded)
  }
  await load()
  store.onRecovered((recovered) => {
    state = recovered
    problem = null
    void changed()
  })

  function input(): ChecklistInput {
    const accounts = deps.accounts()
    // Ticks from files before 0.2 carry no kind: they belong to the kind the account has when first seen.
    state = claimTicks(state, accounts)
    const backupsNow = deps.backupCoverage ? mergeCoverage(backups.coverage(), deps.backupCoverage()) : backups.coverage()
    return { accounts, state, evidence: { accountIdsWithKey: deps.accountsWithKey(), clock: deps.clockStatus(), backups: backupsNow, lock: deps.lockEvidence?.() ?? null }, now: deps.now() }
  }
  const evaluate = (): ChecklistResult => evaluateChecklist(input())

  /** Bumped by every pushed view: a view evaluated in slices is pushed only if none came since it began. */
  let evaluations = 0

  /** Pushes the view again when the next item falls due by time alone. */
  function schedule(result: ChecklistResult): void {
    cancelTimer?.()
    cancelTimer = null
    const next = nextReviewAt(result)
    if (next === null) return
    const wait = Math.min(Math.max(next - deps.now(), 0) + 1, MAX_TIMER_MS)
    // At once (one evaluation when a date passes); a view still being evaluated in slices is older, so not pushed.
    cancelTimer = setTimer(() => (evaluations++, changes.emit(view())), wait)
  }

  function view(): ChecklistView {
    const result = evaluate()
    schedule(result)
    return { ...result, problem }
  }
  /*
   * Tells listeners, and returns the view for the reply. Evaluated a slice of
   * accounts at a time (1,000 accounts would hold the main thread ~50 ms);
   * a view whose evaluation a later change overtook is not pushed, so
   * listeners never hear an older view after a newer one.
   */
  async function viewInSlices(): Promise<ChecklistView> {
    const result = await evaluateChecklistInSlices(input())
    schedule(result)
    return { ...result, problem }
  }

  async function changed(): Promise<Result<ChecklistView, ApiError>> {
    const mine = ++evaluations
    const next = await viewInSlices()
    if (mine === evaluations) changes.emit(next)
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
    viewInSlices,
    setItem: (change) => serial(async () => {
      const account = change.accountId === null ? null : deps.accounts().find((a) => a.id === change.accountId)
      if (account === undefined) return err(apiError('not-found', 'That account does not exist.'))
      evaluate()
      const next = setItem(state, { ...change, kind: account?.kind ?? 'other', at: deps.now() })
      if (!next.ok) {
        const e = next.error
        const message =
          e.kind === 'checked-by-sellerguard'
            ? 'SellerGuard checks this item itself; it cannot be ticked by hand.'
            : e.kind === 'unknown-item'
              ? 'That item is not on this checklist.'
              : e.message
        return err(apiError('invalid-input', message))
      }
      return commit(next.value)
    }),
    setRegion: (accountId, region) => serial(async () => {
      if (!deps.accounts().some((a) => a.id === accountId)) return err(apiError('not-found', 'That account does not exist.'))
      const set = await deps.setAccountRegion(accountId, region)
      if (!set.ok) return set
      // A copy left from before 0.2 would come back if the account's region were cleared: drop it.
      if ((accountState(state, accountId)?.region ?? null) !== null) return commit(withoutRegions(state, new Set([accountId])))
      return changed()
    }),
    moveRegionsToAccounts: () => serial(async () => {
      if (problem) return
      const moved = new Set<string>()
      for (const [id, region] of storedRegions(state)) {
        const account = deps.accounts().find((a) => a.id === id)
        if (!account) continue
        if ((account.region ?? null) !== null) moved.add(id)
        else if ((await deps.setAccountRegion(id, region)).ok) moved.add(id)
        else deps.log.warn(`checklist region of ${id} not moved to the account yet`)
      }
      if (moved.size > 0) await commit(withoutRegions(state, moved))
    }),
    exportReport: (format) => exportChecklistReport(evaluate(), format, { problem: problem?.message ?? null }),
    // Regions live on the accounts now; a backup carries them in its checklist, as before, so an older SellerGuard restores them too.
    // The same object until the ticks or a region change: automatic backups tell a change of the checklist by identity.
    exportState: () => {
      const withRegion = deps.accounts().filter((a) => (a.region ?? null) !== null)
      const regions = withRegion.map((a) => `${a.id}=${a.region}`).join(',')
      if (exported?.state !== state || exported.regions !== regions) {
        const entries = withRegion.map((a) => [a.id, { items: {}, ...accountState(state, a.id), region: a.region ?? null }])
        exported = { state, regions, value: { ...state, accounts: { ...state.accounts, ...Object.fromEntries(entries) } } }
      }
      return exported.value
    },
    importState: (incoming, ids) => serial(async () => {
      const parsed = ChecklistState.safeParse(incoming)
      if (!parsed.success) return err(apiError('invalid-input', 'The backup’s checklist could not be read; the accounts were restored without it.'))
      const accounts = { ...state.accounts }
      for (const [oldId, entry] of Object.entries(parsed.data.accounts)) {
        const newId = ids.get(oldId)
        if (newId) accounts[newId] = entry
      }
      const computer = state.computer ?? parsed.data.computer
      return commit({ accounts, ...(computer ? { computer } : {}) })
    }),
    recover: (use) => serial(async () => {
      if (problem === null) return ok(view())
      if (use === 'backup' && !problem.backupUsable) return err(apiError('invalid-input', 'There is no usable previous version of the checklist.'))
      if (use === 'fresh' && !problem.canStartFresh) return err(apiError('invalid-input', 'The checklist file could not be opened at all; SellerGuard tries again at the next start.'))
      const restored = use === 'backup' ? await store.restoreBackup(deps.now()) : await store.startFresh(deps.now())
      if (!restored.ok) {
        deps.log.error('could not recover the checklist file', restored.error)
        return err(apiError('io', 'Could not recover the checklist file. Nothing was changed.'))
      }
      state = restored.value
      problem = null
      return changed()
    }),
    async recordBackup(at, accountIds) {
      await backups.record(at, accountIds)
      await changed()
    },
    evidenceChanged: coalesce(() => void changed(), 50),
    onChange: changes.onChange,
  }
}
