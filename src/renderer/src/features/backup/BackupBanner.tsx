import { useStore } from '../../store'

/**
 * Automatic backups that need attention, on every screen: failing (with
 * what failed) or not set up yet (once there is an account to back up).
 * Never silent, never in the way when fine.
 */
export function BackupBanner() {
  const status = useStore((s) => s.backup)
  const showScreen = useStore((s) => s.showScreen)
  const verify = useStore((s) => s.verifyBackups)
  const backUpNow = useStore((s) => s.backUpNow)
  const hasAccounts = useStore((s) => s.accounts.length > 0)
  /** Settings, scrolled to the backup section with focus in it. */
  const onOpenSettings = () => {
    showScreen('settings')
    requestAnimationFrame(() => {
      const section = document.getElementById('backup-settings')
      section?.scrollIntoView({ block: 'start' })
      section?.querySelector<HTMLElement>('input, button, select')?.focus()
    })
  }
  if (!status || !status.enabled) return null
  // With nothing to back up yet, setting up backups can wait: the banner comes with the first account.
  if (status.state === 'needs-password') {
    if (!hasAccounts) return null
    // A standing invitation, not news: no live region (only the toast and error regions are).
    return (
      <div className="banner banner--warn" data-testid="backup-banner" data-state="needs-password">
        <span>
          <strong>Automatic backups are not set up.</strong> Choose a backup password, and SellerGuard keeps an encrypted backup after every change.
        </span>
        <button type="button" className="button" onClick={onOpenSettings}>
          Set up backups
        </button>
      </div>
    )
  }
  if (status.state !== 'failing' || !status.problem) return null
  const checkable = status.problem.kind === 'verify-failed' || status.problem.kind === 'file-missing'
  return (
    <div role="alert" className="banner banner--critical" data-testid="backup-banner" data-state="failing" data-problem={status.problem.kind}>
      <span>
        <strong>Automatic backup problem:</strong> {status.problem.message}
      </span>
      <span className="banner__actions">
        {status.problem.kind !== 'keychain' && (
          <button type="button" className="button" onClick={() => void (checkable ? verify() : backUpNow())}>
            {checkable ? 'Verify backups' : 'Try again'}
          </button>
        )}
        <button type="button" className="button button--ghost" onClick={onOpenSettings}>
          Backup settings
        </button>
      </span>
    </div>
  )
}
