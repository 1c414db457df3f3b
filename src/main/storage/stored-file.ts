import { promises as fs } from 'node:fs'
import type { z } from 'zod'
import { err, ok, type Result } from '../../shared/result'
import type { FilePolicy } from './file-policy'
import { createJsonFile, type JsonFileError } from './json-file'

/** Whether the previous version beside the file (`.bak`) could stand in for it. */
export type BackupState = 'usable' | 'missing' | 'damaged'

/** What loading found when it could not read the file. */
export type StoredProblem =
  | Readonly<{ kind: 'damaged'; path: string; reason: string; backup: BackupState }>
  /** Written by a newer SellerGuard: left alone. */
  | Readonly<{ kind: 'too-new'; path: string; version: number; backup: BackupState }>
  /** Could not be read at all (permissions, disk): a later load may succeed. */
  | Readonly<{ kind: 'unreadable'; path: string; reason: string; backup: BackupState }>

/** `value` is null when there was no file yet (a new install). */
export type StoredLoad<T> = Readonly<{ kind: 'loaded'; value: T | null }> | StoredProblem

/** `blocked`: the policy refuses saves until the file loaded or the user chose what to do with it. */
export type StoredSaveError = Readonly<{ kind: 'blocked'; because: 'not-loaded' | StoredProblem['kind'] }> | JsonFileError

export type StoredRecoverError = JsonFileError | Readonly<{ kind: 'no-backup'; path: string }>

export interface StoredFile<T> {
  readonly path: string
  load(): Promise<StoredLoad<T>>
  save(value: T): Promise<Result<void, StoredSaveError>>
  /** Moves the damaged file aside (`.damaged-<now>`, never deleted) and makes the backup current. `now`: ms since the epoch. */
  restoreBackup(now: number): Promise<Result<T, StoredRecoverError>>
  /** The user gave up on the damaged file: moves it aside (`.damaged-<now>`) and lets saves through again. */
  startFresh(now: number): Promise<Result<void, StoredRecoverError>>
}

export type StoredFileOptions<T> = Readonly<{ path: string; schema: z.ZodType<T>; version: number; policy: FilePolicy }>

/**
 * The one way SellerGuard keeps a file: atomic, versioned and with its
 * previous version (`json-file.ts`), plus what to do when it cannot be
 * read, as `file-policy.ts` says for that file, and the user's two ways
 * out of a damaged file.
 */
export function createStoredFile<T>(options: StoredFileOptions<T>): StoredFile<T> {
  const { path, policy } = options
  const file = createJsonFile({ path, schema: options.schema, version: options.version })
  let blockedBy: Extract<StoredSaveError, { kind: 'blocked' }>['because'] | null = policy.blockWritesOnProblem ? 'not-loaded' : null
  const block = (because: NonNullable<typeof blockedBy>) => {
    if (policy.blockWritesOnProblem) blockedBy = because
  }

  async function backupState(): Promise<BackupState> {
    const backup = await file.loadBackup()
    return !backup.ok ? 'damaged' : backup.value === null ? 'missing' : 'usable'
  }

  async function moveAside(now: number): Promise<Result<void, StoredRecoverError>> {
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
        return { kind: 'loaded', value: loaded.value }
      }
      const e = loaded.error
      const backup = await backupState()
      switch (e.kind) {
        case 'corrupt':
          block('damaged')
          return { kind: 'damaged', path: e.path, reason: e.reason, backup }
        case 'too-new':
          block('too-new')
          return { kind: 'too-new', path: e.path, version: e.version, backup }
        case 'io':
          block('unreadable')
          return { kind: 'unreadable', path: e.path, reason: e.reason, backup }
      }
    },
    async save(value) {
      // Saving over a damaged file would also move it over the good .bak (json-file keeps one previous version).
      if (blockedBy !== null) return err({ kind: 'blocked', because: blockedBy })
      return file.save(value)
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
      return ok(undefined)
    },
  }
}
