import { promises as fs } from 'node:fs'
import path from 'node:path'
import { err, ok, type Result } from '../../shared/result'
import { writeFileAtomic } from '../storage/atomic-write'
import { backupFileName, beyondKeep, isBackupTemp, newestFirst } from './backup-names'

/** Why the backup folder cannot be used; `message` is for the user and names the folder. */
export type FolderProblem = Readonly<{ kind: 'folder-missing' | 'folder-unwritable' | 'file-missing'; folder: string; message: string }>

/** Largest backup file read back: 10,000 accounts are well under 10 MiB. */
const MAX_BACKUP_BYTES = 64 * 1024 * 1024

const reasonOf = (e: unknown) => ((e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e)))

/**
 * The folder automatic backups go to, on the real file system. Only files
 * named as `backup-names.ts` says are listed, read or deleted.
 */
export type BackupFolder = Readonly<{
  /**
   * Checks that the folder exists and is a folder. With `create` (the default
   * folder) a missing one is made; a folder the user picked is never created,
   * as a missing one usually is a synced drive that is not mounted, and
   * backups written elsewhere would be lost with the disk.
   */
  prepare(folder: string, create: boolean): Promise<Result<void, FolderProblem>>
  /** Backup names in the folder, newest first. */
  list(folder: string): Promise<Result<string[], FolderProblem>>
  /** Writes a new backup atomically under the name for `at` (a later millisecond if that name is taken); returns the name. */
  write(folder: string, at: number, text: string): Promise<Result<string, FolderProblem>>
  read(folder: string, name: string): Promise<Result<string, FolderProblem>>
  /** Deletes backups beyond the newest `keep`, and temp files of writes a crash cut short. Returns what was deleted. */
  prune(folder: string, keep: number): Promise<string[]>
}>

export function createBackupFolder(): BackupFolder {
  const unwritable = (folder: string, reason: string): FolderProblem => ({
    kind: 'folder-unwritable',
    folder,
    message: `SellerGuard cannot write to the backup folder ${folder} (${reason}). Choose another folder, or check that it is not read-only or full.`,
  })
  const missing = (folder: string): FolderProblem => ({
    kind: 'folder-missing',
    folder,
    message: `The backup folder ${folder} is not there. If it is on a drive or synced folder that is not connected, connect it; otherwise choose another folder.`,
  })

  return {
    async prepare(folder, create) {
      try {
        if (create) await fs.mkdir(folder, { recursive: true })
        const stat = await fs.stat(folder)
        return stat.isDirectory() ? ok(undefined) : err(unwritable(folder, 'it is a file, not a folder'))
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        return err(code === 'ENOENT' ? missing(folder) : unwritable(folder, reasonOf(e)))
      }
    },
    async list(folder) {
      try {
        return ok(newestFirst(await fs.readdir(folder)))
      } catch (e) {
        return err((e as NodeJS.ErrnoException).code === 'ENOENT' ? missing(folder) : unwritable(folder, reasonOf(e)))
      }
    },
    async write(folder, at, text) {
      const names = new Set((await fs.readdir(folder).catch(() => [] as string[])).filter((n) => !isBackupTemp(n)))
      let when = at
      for (;;) {
        while (names.has(backupFileName(when))) when++
        const name = backupFileName(when)
        try {
          // Never over a file already there (the folder may hold the user's own files, or a sync client's).
          await writeFileAtomic(path.join(folder, name), text, { replace: false })
          return ok(name)
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || names.size > 10_000) return err(unwritable(folder, reasonOf(e)))
          names.add(name)
        }
      }
    },
    async read(folder, name) {
      try {
        const file = path.join(folder, name)
        const stat = await fs.stat(file)
        if (stat.size > MAX_BACKUP_BYTES) return err(unwritable(folder, `${name} is far too large to be a backup`))
        return ok(await fs.readFile(file, 'utf8'))
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return err(unwritable(folder, reasonOf(e)))
        return err({ kind: 'file-missing', folder, message: `The backup ${name} is no longer in ${folder}: it was moved or deleted.` })
      }
    },
    async prune(folder, keep) {
      const names = await fs.readdir(folder).catch(() => [] as string[])
      const doomed = [...beyondKeep(names, keep), ...names.filter(isBackupTemp)]
      const removed: string[] = []
      for (const name of doomed) {
        try {
          await fs.rm(path.join(folder, name))
          removed.push(name)
        } catch {
          // Left for the next prune; a backup too many is no harm.
        }
      }
      return removed
    },
  }
}
