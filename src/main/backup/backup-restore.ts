import { apiError, type ApiError, type BackupFile, type ImportPreview } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import type { BackupFolder } from './backup-folder'
import { backupTime } from './backup-names'
import type { BackupPassword } from './backup-password'

export type BackupRestoreDeps = Readonly<{
  folders: BackupFolder
  /** Where automatic backups go now (the user's choice or the default). */
  folder: () => string
  password: BackupPassword
  /** Opens a backup's text with its password as an import would: the preview the user confirms. */
  preview: (text: string, password: string) => Promise<Result<ImportPreview, ApiError>>
}>

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * "Restore from an automatic backup": the backups in the folder, newest
 * first, and one of them opened into an import preview. Only names that
 * automatic backups have (`backup-names.ts`) are listed or read, so no other
 * file in a shared folder is ever opened.
 */
export function createBackupRestore(deps: BackupRestoreDeps) {
  return {
    async list(): Promise<Result<Readonly<{ folder: string; files: BackupFile[] }>, ApiError>> {
      const folder = deps.folder()
      const names = await deps.folders.list(folder)
      if (!names.ok) return err(apiError('io', names.error.message))
      return ok({ folder, files: names.value.map((name) => ({ name, at: backupTime(name)! })) })
    },
    async preview(name: string, password: string | undefined): Promise<Result<ImportPreview, ApiError>> {
      if (backupTime(name) === null) return err(apiError('invalid-input', 'That is not the name of an automatic backup.', { field: 'name' }))
      const text = await deps.folders.read(deps.folder(), name)
      if (!text.ok) return err(apiError(text.error.kind === 'file-missing' ? 'not-found' : 'io', text.error.message))
      let saved: string | null
      try {
        saved = password ?? (await deps.password.get())
      } catch (e) {
        return err(apiError('keychain-unavailable', `The backup password could not be read from the keychain (${reasonOf(e)}). Type it to open the backup.`, { field: 'password' }))
      }
      if (saved === null) return err(apiError('invalid-input', 'This computer has no backup password saved. Type the password the backup was made with.', { field: 'password' }))
      return deps.preview(text.value, saved)
    },
  }
}

export type BackupRestore = ReturnType<typeof createBackupRestore>
