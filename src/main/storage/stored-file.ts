import { promises as fs } from 'node:fs'
import type { z } from 'zod'
import { apiError } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import type { FileIssues } from './file-issues'
import type { FilePolicy } from './file-policy'
import { createJsonFile, type JsonFileError } from './json-file'

/** Whether the previous version beside the file (`.bak`) could stand in for it. */
export type BackupState = 'usable' | 'missing' | 'damaged'

/** What loading found when it could not read the file (`path`: the file that was at fault, the `.bak` when the file itself was missing). */
export type StoredProblem =
  | Readonly<{ kind: 'damaged'; path: string; reason: string; backup: BackupState }>
  /** Written by a newer SellerGuard: left alone. */
  | Readonly<{ kind: 'too-new'; path: string; version: number; backup: BackupState }>
  /** Could not be read at all (permissions, disk): a later load may succeed. */
  | Readonly<{ kind: 'unreadable'; path: string; reason: string; backup: BackupState }>

/** `value` is null when there was no file yet (a new install); `restored`: the file was missing and came back from its `.bak`. */
export type StoredLoad<T> = Readonly<{ kind: 'loaded'; value: T | null; restored?: true }> | StoredProblem

/** `blocked`: saves are refused until the file loaded or the user chose what to do with it. */
export type StoredSaveError = Readonly<{ kind: 'blocked'; because: 'not-loaded' | StoredProblem['kind'] }> | JsonFileError

export type StoredRecoverError = JsonFileError | Readonly<{ kind: 'no-backup'; path: string }>

export interface StoredFile<T> {
  readonly path: string
  load(): Promise<StoredLoad<T>>
  save(value: T): Promise<Result<void, StoredSaveError>>
  /** Moves the damaged file aside (`.damaged-<now>`, never deleted) and makes the backup current. `now`: ms since the epoch. */
  restoreBackup(now: number): Promise<Result<T, StoredRecoverError>>
  /** The user gave up on the damaged file: moves it (and a `.bak`) aside, never deleted, and lets saves through again. */
  startFresh(now: number): Promise<Result<void, StoredRecoverError>>
  /** Called (and awaited) after either way out succeeded, with the file's new content (null: fresh), so its owner follows. */
  onRecovered(listener: (value: T | null) => void | Promise<void>): void
}

export type StoredFileOptions<T> = Readonly<{
  path: string
  schema: z.ZodType<T>
  version: number
  policy: FilePolicy
  /** Where problems are reported for the UI, and the user's choice comes from. */
  issues?: FileIssues
}>

/**
 * The one way SellerGuard keeps a file: atomic, versioned and with its
 * previous version (`json-file.ts`), plus what `file-policy.ts` says to do
 * when it cannot be read, and the user's two ways out of a damaged file.
 */
export function createStoredFile<T>(options: StoredFileOptions<T>): StoredFile<T> {
  const { path, policy, issues } = options
  const bak = `${path}.bak`
  const file = createJsonFile({ path, schema: options.schema, version: options.version })
  let blockedBy: Extract<StoredSaveError, { kind: 'blocked' }>['because'] | null = 'not-loaded'
  const recovered = new Set<(value: T | null) => void | Promise<void>>()

  async function backupState(): Promise<BackupState> {
    const backup = await file.loadBackup()
    return !backup.ok ? 'damaged' : backup.value === null ? 'missing' : 'usable'
  }

  async function moveAside(from: string, to: string): Promise<Result<void, StoredRecoverError>> {
    try {
      await fs.rename(from, to)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return err({ kind: 'io', path: from, reason: String(e) })
    }
    return ok(undefined)
  }

  /** Refuses saves and tells the UI. */
  function problem(e: JsonFileError, backup: BackupState): StoredProblem {
    const found: StoredProblem =
      e.kind === 'corrupt'
        ? { kind: 'damaged', path: e.path, reason: e.reason, backup }
        : e.kind === 'too-new'
          ? { kind: 'too-new', path: e.path, version: e.version, backup }
          : { kind: 'unreadable', path: e.path, reason: e.reason, backup }
    blockedBy = found.kind
    const reason = found.kind === 'too-new' ? `written by a newer SellerGuard (file version ${found.version})` : found.reason
    issues?.report({ file: policy.name, kind: found.kind, path: found.path, reason, backup })
    return found
  }

  async function settled(value: T | null): Promise<void> {
    blockedBy = null
    issues?.clear(policy.name)
    for (const listener of recovered) await listener(value)
  }

  /** The file is missing: its `.bak` (if any) comes back, and the user is told. */
  async function loadMissing(): Promise<StoredLoad<T>> {
    const backup = await file.loadBackup()
    if (!backup.ok) return problem(backup.error, 'damaged')
    if (backup.value !== null) {
      // With no file in place, this save leaves .bak as it is.
      const saved = await file.save(backup.value)
      if (!saved.ok) return problem(saved.error, 'usable')
      issues?.report({ file: policy.name, kind: 'restored', path, reason: '', backup: 'usable' })
    }
    blockedBy = null
    return backup.value === null ? { kind: 'loaded', value: null } : { kind: 'loaded', value: backup.value, restored: true }
  }

  const stored: StoredFile<T> = {
    path,
    async load() {
      const loaded = await file.load()
      if (!loaded.ok) return problem(loaded.error, await backupState())
      if (loaded.value === null) return loadMissing()
      blockedBy = null
      // A problem found earlier is gone (a "restored" notice stays until the user dismissed it).
      if (issues?.status().issues.some((i) => i.file === policy.name && i.kind !== 'restored')) issues.clear(policy.name)
      return { kind: 'loaded', value: loaded.value }
    },
    async save(value) {
      // Saving over a damaged file would also move it over the good .bak (json-file keeps one previous version).
      if (blockedBy !== null) return err({ kind: 'blocked', because: blockedBy })
      return file.save(value)
    },
    async restoreBackup(now) {
      const backup = await file.loadBackup()
      if (!backup.ok) return backup
      if (backup.value === null) return err({ kind: 'no-backup', path: bak })
      const moved = await moveAside(path, `${path}.damaged-${now}`)
      if (!moved.ok) return moved
      // With the damaged file gone, this save leaves .bak as it is.
      const saved = await file.save(backup.value)
      if (!saved.ok) return saved
      await settled(backup.value)
      return ok(backup.value)
    },
    async startFresh(now) {
      const moved = await moveAside(path, `${path}.damaged-${now}`)
      if (!moved.ok) return moved
      // A .bak would be written over by the second save: it is kept aside too.
      const keptBak = await moveAside(bak, `${bak}.${(await backupState()) === 'usable' ? 'set-aside' : 'damaged'}-${now}`)
      if (!keptBak.ok) return keptBak
      await settled(null)
      return ok(undefined)
    },
    onRecovered: (listener) => void recovered.add(listener),
  }

  issues?.register(policy.name, async (use, now) => {
    const done = use === 'backup' ? await stored.restoreBackup(now) : await stored.startFresh(now)
    if (done.ok) return ok(undefined)
    const e = done.error
    const message =
      e.kind === 'no-backup'
        ? `There is no previous version of ${policy.what} to use. Choose "Start fresh"; the damaged file is kept.`
        : e.kind === 'corrupt' || e.kind === 'too-new'
          ? `The previous version of ${policy.what} cannot be used either (${e.kind === 'corrupt' ? e.reason : 'written by a newer SellerGuard'}). Choose "Start fresh"; the damaged files are kept.`
          : `Could not recover ${policy.what}: ${e.reason}`
    return err(apiError(e.kind === 'io' ? 'io' : 'invalid-input', message))
  })
  return stored
}
