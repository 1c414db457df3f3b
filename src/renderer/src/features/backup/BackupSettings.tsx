import { useId, useState } from 'react'
import type { BackupStatus } from '../../contract'
import { useStore } from '../../store'
import { BackupFolderField } from './BackupFolderField'
import { BackupPasswordForm } from './BackupPasswordForm'
import { BackupRestore } from './BackupRestore'
import { DrillReportView } from './DrillReportView'

const KEEP_CHOICES = [3, 5, 10, 20, 50, 100] as const
const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** One sentence on where automatic backups stand. */
export function backupSummary(status: BackupStatus): string {
  if (!status.enabled) return 'Automatic backups are off. SellerGuard does not back up on its own; export a backup by hand below.'
  if (status.state === 'needs-password') return 'Choose a backup password to start automatic backups.'
  if (status.state === 'failing' && status.problem) return status.problem.message
  const last = status.lastBackupAt === null ? 'No automatic backup yet.' : `Newest backup ${when(status.lastBackupAt)}${status.lastVerifiedAt !== null ? `, checked ${when(status.lastVerifiedAt)}` : ''}.`
  if (status.state === 'pending') return `${last} A change is waiting: the next backup is written in a few seconds.`
  return `${last} ${status.coversLatestChange ? 'It holds every change.' : 'It does not hold the latest change yet.'}`
}

/** Settings of automatic encrypted backups: on/off, password, folder, how many to keep, Back up now and the restore drill. */
export function BackupSettings() {
  const status = useStore((s) => s.backup)
  const drill = useStore((s) => s.drill)
  const configure = useStore((s) => s.configureBackup)
  const backUpNow = useStore((s) => s.backUpNow)
  const verify = useStore((s) => s.verifyBackups)
  const [busy, setBusy] = useState<'now' | 'verify' | null>(null)
  const keepId = useId()
  if (!status) return null
  const run = async (which: 'now' | 'verify') => {
    setBusy(which)
    await (which === 'now' ? backUpNow() : verify())
    setBusy(null)
  }
  return (
    <fieldset className="field backup-settings" id="backup-settings" data-testid="backup-settings" data-state={status.state}>
      <legend>Automatic encrypted backups</legend>
      <label className="radio">
        <input type="checkbox" checked={status.enabled} onChange={(e) => void configure({ enabled: e.target.checked })} />
        Back up automatically after every change to accounts, groups or the checklist
      </label>
      <p className={status.state === 'failing' ? 'field-error' : 'muted'} data-testid="backup-summary" role={status.state === 'failing' ? 'alert' : undefined}>
        {backupSummary(status)}
      </p>
      <BackupPasswordForm passwordSet={status.passwordSet} />
      <BackupFolderField status={status} />
      <div className="inline-form">
        <label htmlFor={keepId}>Keep the newest</label>
        <select id={keepId} className="input input--inline" value={status.keep} onChange={(e) => void configure({ keep: Number(e.target.value) })}>
          {[...new Set([...KEEP_CHOICES, status.keep])]
            .sort((a, b) => a - b)
            .map((n) => (
              <option key={n} value={n}>
                {n} backups
              </option>
            ))}
        </select>
      </div>
      <div className="inline-form">
        <button type="button" className="button" disabled={!status.enabled || !status.passwordSet || busy !== null} onClick={() => void run('now')}>
          {busy === 'now' ? 'Backing up…' : 'Back up now'}
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void run('verify')} data-testid="verify-backups">
          {busy === 'verify' ? 'Verifying…' : 'Verify backups'}
        </button>
      </div>
      <p className="muted">“Verify backups” opens the newest backup with its password alone, as a restore on a new computer would, and compares it with what SellerGuard holds now.</p>
      {drill && <DrillReportView report={drill} />}
      <BackupRestore />
    </fieldset>
  )
}
