import { promises as fs } from 'node:fs'
import { err, ok, type Result } from '../../shared/result'
import { createJsonFile, type JsonFileError } from '../storage/json-file'
import { ChecklistState, emptyChecklistState } from './state'

/** Whether the previous version beside the file (`.bak`) could stand in for a damaged file. */
export type BackupState = 'usable' | 'missing' | 'damaged'

/**
 * What loading found. Anything but `loaded` leaves the store refusing to
 * save, so a damaged file (and its backup) is never overwritten with an
 * empty checklist: the user chooses `restoreBackup` or `startFresh`.
 */
export type ChecklistLoad =
  /** `fresh`: there was no file yet (a new install): the state is empty. */
  | Readonly<{ kind: 'loaded'; state: ChecklistState; fresh: boolean }>
  | Readonly<{ kind: 'damaged'; path: string; reason: string; backup: BackupState }>
  /** Written by a newer SellerGuard: left alone. */
  | Readonly<{ kind: 'too-new'; path: string; version: number; backup: BackupState }>
  /** Could not be read at all (permissions, disk): try again later. */
  | Readonly<{ kind: 'unreadable'; path: string; reason: string }>

/** `blocked`: the file was not loaded successfully, so writing could destroy what is there. Else the file's own error (in practice `io`). */
export type ChecklistSaveError = Readonly<{ kind: 'blocked'; because: 'not-loaded' | 'damaged' | 'too-new' | 'unreadable' }> | JsonFileError

export type ChecklistRestoreError = JsonFileError | Readonly<{ kind: 'no-backup'; path: string }>

export interface ChecklistStore {
  readonly path: string
  load(): Promise<ChecklistLoad>
  /** Refused until a `load` succeeded (or `restoreBackup` / `startFresh` did). */
  save(state: ChecklistState): Promise<Result<void, ChecklistSaveError>>
  /** Moves the damaged file aside (`.damaged-<now>`) and makes the backup current. `now`: ms since the epoch. */
  restoreBackup(now: number): Promise<Result<ChecklistState, ChecklistRestoreError>>
  /** The user gave up on the damaged file: moves it aside (`.damaged-<now>`, never deleted) and starts empty. */
  startFresh(now: number): Promise<Result<ChecklistState, ChecklistRestoreError>>
}

/** The file's schema version; bump it (and migrate) when the state's shape changes. */
const VERSION = 1

/**
 * The checklist ticks in `checklist.json`: atomic writes, a schema
 * version and the previous version as `checklist.json.bak` (see
 * `storage/json-file.ts`).
 */
export function createChecklistStore(path: string): ChecklistStore {
  const file = createJsonFile({ path, schema: ChecklistState, version: VERSION })
  let blockedBy: Extract<ChecklistSaveError, { kind: 'blocked' }>['because'] | null = 'not-loaded'

  async function backupState(): Promise<BackupState> {
    const backup = await file.loadBackup()
    return !backup.ok ? 'damaged' : backup.value === null ? 'missing' : 'usable'
  }

  async function moveAside(now: number): Promise<Result<void, ChecklistRestoreError>> {
    try {
      await fs.rename(path, `${path}.damaged-${now}`)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return err({ kind: 'io', path, reason: String(e) })
    }
    return ok(undefined)
  }

  return {
    path,
    async load() {
      const loaded = await file.load()
      if (loaded.ok) {
        blockedBy = null
        return { kind: 'loaded', state: loaded.value ?? emptyChecklistState(), fresh: loaded.value === null }
      }
      const e = loaded.error
      blockedBy = e.kind === 'corrupt' ? 'damaged' : e.kind === 'too-new' ? 'too-new' : 'unreadable'
      switch (e.kind) {
        case 'corrupt':
          return { kind: 'damaged', path: e.path, reason: e.reason, backup: await backupState() }
        case 'too-new':
          return { kind: 'too-new', path: e.path, version: e.version, backup: await backupState() }
        case 'io':
          return { kind: 'unreadable', path: e.path, reason: e.reason }
      }
    },
    async save(state) {
      // Saving over a damaged file would also copy it over the good .bak (json-file keeps one previous version).
      if (blockedBy !== null) return err({ kind: 'blocked', because: blockedBy })
      return file.save(state)
    },
    async restoreBackup(now) {
      const backup = await file.loadBackup()
      if (!backup.ok) return backup
      if (backup.value === null) return err({ kind: 'no-backup', path: `${path}.bak` })
      const moved = await moveAside(now)
      if (!moved.ok) return moved
      // With the damaged file gone, this save leaves .bak as it is.
      const saved = await file.save(backup.value)
      if (!saved.ok) return saved
      blockedBy = null
      return ok(backup.value)
    },
    async startFresh(now) {
      const moved = await moveAside(now)
      if (!moved.ok) return moved
      blockedBy = null
      return ok(emptyChecklistState())
    },
  }
}
