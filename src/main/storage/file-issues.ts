import { apiError, type ApiError, type StorageStatus, type StoredFileIssue, type StoredFileName } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { createListeners, type OnChange } from '../core/listeners'

/** A file's own way out of a problem: `now` names the `.damaged-<now>` copy. */
export type FileRecovery = (use: 'backup' | 'fresh', now: number) => Promise<Result<void, ApiError>>

/**
 * What loading found in every file, in one place for the UI (the contract's
 * `storage.*`): the stored files report and clear their issues here and
 * register how to recover, the user chooses through `recover`.
 */
export interface FileIssues {
  report(issue: StoredFileIssue): void
  clear(file: StoredFileName): void
  register(file: StoredFileName, recovery: FileRecovery): void
  status(): StorageStatus
  recover(file: StoredFileName, use: 'backup' | 'fresh'): Promise<Result<StorageStatus, ApiError>>
  /** Only a `restored` notice can be dismissed; a problem stays until it is resolved. */
  dismiss(file: StoredFileName): StorageStatus
  onChange: OnChange<[status: StorageStatus]>
}

export function createFileIssues(now: () => number): FileIssues {
  const issues = new Map<StoredFileName, StoredFileIssue>()
  const recoveries = new Map<StoredFileName, FileRecovery>()
  const changes = createListeners<[StorageStatus]>()
  const status = (): StorageStatus => ({ issues: [...issues.values()] })
  const changed = () => changes.emit(status())

  return {
    report(issue) {
      issues.set(issue.file, issue)
      changed()
    },
    clear(file) {
      if (issues.delete(file)) changed()
    },
    register: (file, recovery) => void recoveries.set(file, recovery),
    status,
    async recover(file, use) {
      const issue = issues.get(file)
      const recovery = recoveries.get(file)
      if (!issue || issue.kind === 'restored' || !recovery) return err(apiError('not-found', 'That file has no problem to resolve.'))
      const done = await recovery(use, now())
      return done.ok ? ok(status()) : done
    },
    dismiss(file) {
      if (issues.get(file)?.kind === 'restored') {
        issues.delete(file)
        changed()
      }
      return status()
    },
    onChange: changes.onChange,
  }
}
