import { err, ok, type Result } from '../../shared/result'
import type { FileIssues } from '../storage/file-issues'
import { FILE_POLICIES } from '../storage/file-policy'
import { createStoredFile, type StoredProblem, type StoredRecoverError, type StoredSaveError } from '../storage/stored-file'
import { ChecklistState, emptyChecklistState } from './state'

/**
 * What loading found. Anything but `loaded` leaves the store refusing to
 * save (see `storage/file-policy.ts`), so a damaged file (and its backup)
 * is never overwritten with an empty checklist: the user chooses
 * `restoreBackup` or `startFresh`.
 */
export type ChecklistLoad =
  /** `fresh`: there was no file yet (a new install): the state is empty. */
  Readonly<{ kind: 'loaded'; state: ChecklistState; fresh: boolean }> | StoredProblem

export interface ChecklistStore {
  readonly path: string
  load(): Promise<ChecklistLoad>
  /** Refused until a `load` succeeded (or `restoreBackup` / `startFresh` did). */
  save(state: ChecklistState): Promise<Result<void, StoredSaveError>>
  /** Moves the damaged file aside (`.damaged-<now>`) and makes the backup current. `now`: ms since the epoch. */
  restoreBackup(now: number): Promise<Result<ChecklistState, StoredRecoverError>>
  /** The user gave up on the damaged file: moves it aside (`.damaged-<now>`, never deleted) and starts empty. */
  startFresh(now: number): Promise<Result<ChecklistState, StoredRecoverError>>
  /** After either way out (here or through `storage.recover`), with the state now in force. */
  onRecovered(listener: (state: ChecklistState) => void): void
}

/**
 * The file's schema version; bump it (and migrate) when the state's shape
 * changes. 2 added ticks per kind, kept ticks and "This computer" (all
 * optional: a version 1 file reads as it is); an older SellerGuard leaves a
 * version 2 file alone instead of dropping what it does not know.
 */
const VERSION = 2

/** The checklist ticks in `checklist.json`, kept as every file is (`storage/stored-file.ts`). */
export function createChecklistStore(path: string, issues?: FileIssues): ChecklistStore {
  const file = createStoredFile({ path, schema: ChecklistState, version: VERSION, policy: FILE_POLICIES.checklist, ...(issues ? { issues } : {}) })
  return {
    path,
    async load() {
      const loaded = await file.load()
      return loaded.kind === 'loaded' ? { kind: 'loaded', state: loaded.value ?? emptyChecklistState(), fresh: loaded.value === null } : loaded
    },
    save: (state) => file.save(state),
    restoreBackup: (now) => file.restoreBackup(now),
    async startFresh(now) {
      const fresh = await file.startFresh(now)
      return fresh.ok ? ok(emptyChecklistState()) : err(fresh.error)
    },
    onRecovered: (listener) => file.onRecovered((state) => listener(state ?? emptyChecklistState())),
  }
}
