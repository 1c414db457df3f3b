import path from 'node:path'
import { apiError, type ApiError } from '../../shared/contract'
import type { BackupConfigChange, BackupStatus, DrillReport } from '../../shared/contract/backup'
import { err, ok, type Result } from '../../shared/result'
import type { Logger } from '../core/log'
import type { FileIssues } from '../storage/file-issues'
import { FILE_POLICIES } from '../storage/file-policy'
import { createStoredFile } from '../storage/stored-file'
import type { ScryptParams } from '../transfer/kdf'
import { createBackupFolder, type BackupFolder } from './backup-folder'
import { backupEvidence, coversCurrent, createDigests, type BackupEvidence, type CurrentData } from './backup-evidence'
import { createBackupKeys } from './backup-keys'
import type { BackupPassword } from './backup-password'
import { fileDigest, recordOf, runDrill, writeBackup, type BackupSnapshot } from './backup-run'
import { BackupStateFile, EMPTY_STATE } from './backup-state'
import { describeStatus, type Problem } from './backup-status'
import { createDebounce } from './debounce'

export type BackupServiceDeps = Readonly<{
  /** automatic-backups.json: settings and what the newest backups hold (never a secret or the password). */
  stateFile: string
  /** Where a damaged or too-new automatic-backups.json is reported (the storage banner), and the user's choice comes from. */
  issues?: FileIssues
  /** Documents/SellerGuard Backups (platform/backup-folder.ts), or a folder in the data dir in web mode. */
  defaultFolder: string
  canChooseFolder: boolean
  password: BackupPassword
  /** The keychain: `ready` once every secret is loaded; `problem` when locked or unreachable. */
  keychain: () => Readonly<{ ready: boolean; problem: string | null }>
  /** Every account with its key, the checklist and settings; an error while the keychain cannot give them. */
  snapshot: () => Result<BackupSnapshot, string>
  current: () => CurrentData
  now: () => number
  log: Logger
  folders?: BackupFolder
  /** scrypt cost (tests use the minimum). */
  kdf?: ScryptParams
  /** Quiet time after a change before the backup, ms (default 5 s); longest wait in a burst (default 60 s). */
  quietMs?: number
  maxWaitMs?: number
  /** After a failed backup, try again this much later, ms (default 5 min). */
  retryMs?: number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}>

/**
 * Automatic encrypted backups: after any change to accounts, groups or the
 * checklist, and a quiet period, a new backup in the chosen folder, read back
 * and checked, the newest N kept; the restore drill on demand; every failure
 * kept as a state for the banner, the tray and the checklist.
 */
export function createBackupService(deps: BackupServiceDeps) {
  const folders = deps.folders ?? createBackupFolder()
  const file = createStoredFile({ path: deps.stateFile, schema: BackupStateFile, version: 1, policy: FILE_POLICIES.automaticBackups, ...(deps.issues ? { issues: deps.issues } : {}) })
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as NodeJS.Timeout))
  const digestOf = createDigests()
  const listeners = new Set<(status: BackupStatus) => void>()
  let state: BackupStateFile = EMPTY_STATE
  /** Whether the newest automatic backup is on disk as written (checked at start and by the drill). */
  let trusted = false
  let problem: Problem | null = null
  let force = false
  const keys = createBackupKeys({ password: deps.password, keychain: deps.keychain, ...(deps.kdf ? { kdf: deps.kdf } : {}) })
  let retryTimer: unknown = null

  const folder = () => state.config.folder ?? deps.defaultFolder
  const emit = () => {
    const now = status()
    for (const listener of listeners) listener(now)
  }
  const fail = (next: Problem | null) => {
    problem = next
    if (next && next.kind !== 'no-password' && next.kind !== 'keychain' && state.config.enabled) {
      if (retryTimer !== null) clearTimer(retryTimer)
      retryTimer = setTimer(() => ((retryTimer = null), debounce.poke()), deps.retryMs ?? 5 * 60_000)
    }
  }
  const save = async () => {
    const saved = await file.save(state)
    if (!saved.ok) deps.log.error('could not save automatic-backups.json', saved.error)
  }
  const needed = () => force || !trusted || !coversCurrent(state.automatic, deps.current(), digestOf)
  // The user chose the backup copy or a fresh start for a damaged file: carry on from it.
  file.onRecovered(async (value) => {
    state = value ?? EMPTY_STATE
    trusted = false
    await checkNewest()
    if (state.config.enabled) debounce.poke()
    emit()
  })

  async function run(): Promise<void> {
    if (!state.config.enabled || !needed()) return
    const password = await keys.password()
    if (password === null) return // still loading: retry() runs it once the keychain is ready
    if (typeof password !== 'string') return fail(password)
    const snapshot = deps.snapshot()
    if (!snapshot.ok) return fail(deps.keychain().problem ? { kind: 'keychain', message: snapshot.error } : null)
    const key = await keys.keyFor(password)
    if (!key.ok) return fail({ kind: 'write-failed', message: `The backup could not be encrypted: ${key.error}` })
    const written = await writeBackup({ folders, folder: folder(), createFolder: state.config.folder === null, key: key.value, snapshot: snapshot.value, at: deps.now(), keep: state.config.keep })
    if (!written.ok) {
      deps.log.warn(`automatic backup failed: ${written.error.kind}`)
      return fail(written.error)
    }
    state = { ...state, automatic: written.value }
    trusted = true
    force = false
    await save()
    const missing = snapshot.value.missing.length
    fail(missing > 0 ? { kind: 'incomplete', message: `${missing} account${missing === 1 ? ' has' : 's have'} no key in the keychain and ${missing === 1 ? 'is' : 'are'} not in the backups.` } : null)
  }

  const debounce = createDebounce({
    now: deps.now,
    quietMs: deps.quietMs ?? 5000,
    maxWaitMs: deps.maxWaitMs ?? 60_000,
    // A throw is a bug: logged, and shown as a failed backup rather than lost.
    run: () => run().catch((e: unknown) => (deps.log.error('automatic backup threw', e), fail({ kind: 'write-failed', message: 'The automatic backup failed unexpectedly. SellerGuard will try again.' }))),
    onSettled: emit,
    ...(deps.setTimer ? { setTimer: deps.setTimer } : {}),
    ...(deps.clearTimer ? { clearTimer: deps.clearTimer } : {}),
  })

  /** At start: is the newest automatic backup still on disk as SellerGuard wrote it? (A digest of the file: no password needed.) */
  async function checkNewest(): Promise<void> {
    const record = state.automatic
    if (!record?.folder || !record.file) return
    const text = await folders.read(record.folder, record.file)
    const same = text.ok && fileDigest(text.value) === record.fileDigest
    trusted = same
    if (!text.ok) fail({ kind: 'file-missing', message: `${text.error.message} A new backup will be written.` })
    else if (!same) fail({ kind: 'verify-failed', message: `The newest backup, ${record.file}, has changed since SellerGuard wrote it. A new backup will be written.` })
  }

  const status = (): BackupStatus =>
    describeStatus({
      config: state.config,
      folder: folder(),
      problem,
      passwordSet: keys.passwordSet(),
      keychainReady: deps.keychain().ready,
      waitingSince: debounce.waitingSince(),
      busy: debounce.busy(),
      automatic: trusted ? state.automatic : null,
      coversLatestChange: coversCurrent(trusted ? state.automatic : null, deps.current(), digestOf),
      canChooseFolder: deps.canChooseFolder,
    })

  return {
    async start(): Promise<void> {
      const loaded = await file.load()
      if (loaded.kind === 'loaded') state = loaded.value ?? EMPTY_STATE
      else deps.log.error(`automatic-backups.json ${loaded.kind}: defaults, no backup counted`, loaded)
      await checkNewest()
      if (state.config.enabled) debounce.poke()
    },
    status,
    onChange(listener: (status: BackupStatus) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /** Accounts, groups or the checklist changed. */
    changed(): void {
      if (state.config.enabled) debounce.poke()
      emit()
    },
    /** The keychain became ready (or changed state): a waiting backup may go now. */
    async retry(): Promise<void> {
      await keys.password()
      if (state.config.enabled && needed()) debounce.poke()
      emit()
    },
    async configure(change: BackupConfigChange): Promise<Result<BackupStatus, ApiError>> {
      if (change.folder && !path.isAbsolute(change.folder)) return err(apiError('invalid-input', 'Give the full path of the folder (for example /home/you/Backups or C:\\Users\\you\\Backups).', { field: 'folder' }))
      if (change.password !== undefined) {
        const saved = await keys.setPassword(change.password)
        if (!saved.ok) return err(apiError('keychain-unavailable', `The password could not be saved in the keychain (${saved.error}). Nothing was changed.`))
      }
      const { password: _password, ...rest } = change
      state = { ...state, config: { ...state.config, ...rest } }
      await save()
      problem = null
      force = change.password !== undefined || change.folder !== undefined || change.enabled === true
      if (state.config.enabled) debounce.poke()
      else debounce.cancel()
      emit()
      return ok(status())
    },
    async backUpNow(): Promise<BackupStatus> {
      force = true
      debounce.poke()
      await debounce.flush()
      return status()
    },
    async verify(): Promise<Readonly<{ report: DrillReport; status: BackupStatus }>> {
      await debounce.flush()
      const password = await keys.password()
      const snapshot = deps.snapshot()
      const blocked = typeof password !== 'string' ? (password?.message ?? 'The keychain is still loading.') : !snapshot.ok ? snapshot.error : null
      if (blocked !== null || typeof password !== 'string' || !snapshot.ok) return { report: { result: 'none', message: blocked ?? '' }, status: status() }
      const { report, record } = await runDrill({ folders, folder: folder(), password, current: snapshot.value, now: deps.now() })
      if (record) {
        state = { ...state, automatic: record }
        trusted = true
        await save()
      }
      if (report.result === 'unreadable') {
        trusted = false
        fail({ kind: 'verify-failed', message: `${report.message} A new backup will be written.` })
      }
      if (report.result !== 'matches' && state.config.enabled) debounce.poke()
      emit()
      return { report, status: status() }
    },
    /** An encrypted backup was exported by hand: evidence, but unverified (SellerGuard cannot see where it went). */
    async recordExport(at: number, payload: Parameters<typeof recordOf>[0]): Promise<void> {
      state = { ...state, exported: recordOf(payload, at, null) }
      await save()
      emit()
    },
    evidence(): BackupEvidence {
      return backupEvidence({ automatic: trusted ? state.automatic : null, exported: state.exported, current: deps.current(), problem: state.config.enabled ? (problem?.message ?? null) : null, digestOf })
    },
    /** Resolves once no backup is being written (tests, and quitting). */
    idle: () => debounce.idle(),
    /** Writes a waiting backup before quitting. */
    async dispose(): Promise<void> {
      if (retryTimer !== null) clearTimer(retryTimer)
      await debounce.flush()
      debounce.cancel()
    },
  }
}

export type BackupService = ReturnType<typeof createBackupService>
