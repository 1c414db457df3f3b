import type { BackupProblemKind, BackupStatus } from '../../shared/contract'

const SHORT: Readonly<Record<BackupProblemKind, string>> = {
  'no-password': 'Automatic backups not set up',
  'folder-missing': 'Backup folder missing',
  'folder-unwritable': 'Backup folder not writable',
  'file-missing': 'Newest backup missing',
  'write-failed': 'Backup failed',
  'verify-failed': 'Backup check failed',
  keychain: 'Backups wait for the keychain',
  incomplete: 'Some accounts not backed up',
}

/** The tray's backup line, and whether it warns (icon and tooltip); null when backups are fine or off. */
export function backupTrayLine(status: BackupStatus): Readonly<{ line: string; warning: boolean }> | null {
  if (status.state === 'needs-password') return { line: SHORT['no-password'], warning: false }
  if (status.state !== 'failing' || !status.problem) return null
  return { line: SHORT[status.problem.kind], warning: true }
}
