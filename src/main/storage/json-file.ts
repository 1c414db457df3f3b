import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { z } from 'zod'
import { err, ok, type Result } from '../../shared/result'
import { createSerial } from '../core/serial'
import { TEMP_SUFFIX, writeFileAtomic } from './atomic-write'

export type JsonFileError =
  | Readonly<{ kind: 'corrupt'; path: string; reason: string; backupPath: string | null }>
  | Readonly<{ kind: 'too-new'; path: string; version: number }>
  | Readonly<{ kind: 'io'; path: string; reason: string }>

export interface JsonFile<T> {
  readonly path: string
  /** `null` when the file does not exist yet (a fresh install). */
  load(): Promise<Result<T | null, JsonFileError>>
  /** Loads the previous version kept beside the file (`.bak`). */
  loadBackup(): Promise<Result<T | null, JsonFileError>>
  save(value: T): Promise<Result<void, JsonFileError>>
}

export type JsonFileOptions<T> = Readonly<{
  path: string
  schema: z.ZodType<T>
  /** Written into the file; a file with a higher version is refused, not overwritten. */
  version: number
}>

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * A versioned JSON document written atomically: temp file, fsync, rename,
 * fsync of the folder, with the previous version kept as `<file>.bak`. A
 * crash at any moment leaves either the old or the new file, never a torn one.
 */
export function createJsonFile<T>(options: JsonFileOptions<T>): JsonFile<T> {
  const { schema, version } = options
  const file = options.path
  const backup = `${file}.bak`
  const serial = createSerial()

  async function read(target: string): Promise<Result<T | null, JsonFileError>> {
    let text: string
    try {
      text = await fs.readFile(target, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return ok(null)
      return err({ kind: 'io', path: target, reason: reasonOf(e) })
    }
    const backupPath = target === file ? await exists(backup) : null
    let doc: unknown
    try {
      doc = JSON.parse(text)
    } catch (e) {
      return err({ kind: 'corrupt', path: target, reason: `not JSON: ${reasonOf(e)}`, backupPath })
    }
    if (typeof doc !== 'object' || doc === null || typeof (doc as { schemaVersion?: unknown }).schemaVersion !== 'number') {
      return err({ kind: 'corrupt', path: target, reason: 'no schemaVersion', backupPath })
    }
    const fileVersion = (doc as { schemaVersion: number }).schemaVersion
    if (fileVersion > version) return err({ kind: 'too-new', path: target, version: fileVersion })
    const parsed = schema.safeParse((doc as { data?: unknown }).data)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return err({ kind: 'corrupt', path: target, reason: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, backupPath })
    }
    return ok(parsed.data)
  }

  async function write(value: T): Promise<Result<void, JsonFileError>> {
    try {
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
      const text = `${JSON.stringify({ schemaVersion: version, data: value }, null, 2)}\n`
      const beforeReplace = async () => {
        if (await exists(file)) await keepPrevious(file, backup)
      }
      await writeFileAtomic(file, text, { beforeReplace })
      return ok(undefined)
    } catch (e) {
      return err({ kind: 'io', path: file, reason: reasonOf(e) })
    }
  }

  // Temp files of writes cut short by a crash (the rename never happened) are junk: clear them once.
  let swept = false
  const sweep = async () => {
    if (swept) return
    swept = true
    const dir = path.dirname(file)
    const prefix = `${path.basename(file)}.`
    const names = await fs.readdir(dir).catch(() => [] as string[])
    await Promise.all(names.filter((n) => n.startsWith(prefix) && n.endsWith(TEMP_SUFFIX)).map((n) => fs.rm(path.join(dir, n), { force: true })))
  }

  return {
    path: file,
    load: async () => {
      await sweep()
      return read(file)
    },
    loadBackup: () => read(backup),
    // Saves are serialised so an older value can never land after a newer one.
    save: (value) => serial(() => write(value)),
  }
}

async function exists(target: string): Promise<string | null> {
  try {
    await fs.access(target)
    return target
  } catch {
    return null
  }
}

/**
 * Makes `backup` the current version of `file`, atomically: a hard link (or,
 * where links are unsupported, a synced copy) under a temp name, renamed
 * over the old backup. A crash leaves the old backup or the new one, never
 * a torn one.
 */
async function keepPrevious(file: string, backup: string): Promise<void> {
  const tmp = `${backup}.${process.pid}.tmp`
  await fs.rm(tmp, { force: true })
  try {
    await fs.link(file, tmp)
  } catch {
    await fs.copyFile(file, tmp)
    const handle = await fs.open(tmp, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  }
  await fs.rename(tmp, backup)
}
