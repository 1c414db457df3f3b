import { promises as fs } from 'node:fs'
import path from 'node:path'

/** The suffix of a write's temporary file; a crash may leave one behind, never a torn target. */
export const TEMP_SUFFIX = '.tmp'

export type AtomicWriteOptions = Readonly<{
  /** File mode of a new file (default 0600: the user's alone). */
  mode?: number
  /** Runs after the new content is durable beside the target and before it replaces it (json-file keeps the previous version here). */
  beforeReplace?: () => Promise<void>
  /**
   * false: never replace a file already at the target (a folder shared with
   * the user's own files); the write fails with EEXIST and changes nothing.
   */
  replace?: boolean
}>

/**
 * The one way SellerGuard writes a file: a temporary file beside it
 * (`<file>.<pid>.<ms>.tmp`), fsync, rename over the target, fsync of the
 * folder. A crash at any moment leaves the old file (or none) or the new
 * one, and at most a temp file that readers ignore and owners sweep.
 * Throws the OS error; the folder must exist.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}${TEMP_SUFFIX}`
  try {
    const handle = await fs.open(tmp, 'wx', options.mode ?? 0o600)
    try {
      await (typeof data === 'string' ? handle.writeFile(data, 'utf8') : handle.writeFile(data))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await options.beforeReplace?.()
    if (options.replace === false) await moveUnlessTaken(tmp, file)
    else await fs.rename(tmp, file)
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined)
    throw e
  }
  await syncDir(path.dirname(file))
}

/**
 * Puts `tmp` at `file` only if nothing is there: a hard link fails with
 * EEXIST rather than replace. Where links are unsupported (FAT and exFAT
 * drives, some network shares) a check, then a rename.
 */
async function moveUnlessTaken(tmp: string, file: string): Promise<void> {
  try {
    await fs.link(tmp, file)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw e
    const taken = await fs.lstat(file).then(
      () => true,
      () => false,
    )
    if (taken) throw Object.assign(new Error(`EEXIST: file already exists, ${file}`), { code: 'EEXIST' })
    await fs.rename(tmp, file)
    return
  }
  await fs.rm(tmp, { force: true })
}

/** Makes a rename or unlink in `dir` durable. */
export async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; the rename is durable enough there.
  if (process.platform === 'win32') return
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
