import { useEffect } from 'react'
import { useStore } from '../store'
import { CodesScreen } from '../features/codes/CodesScreen'
import { SettingsScreen } from '../features/settings/SettingsScreen'
import { BackupBanner } from '../features/backup/BackupBanner'
import { isAppLocked } from '../features/lock/lock-slice'
import { UnlockScreen } from '../features/lock/UnlockScreen'
import { ErrorBanner } from './ErrorBanner'
import { NotAdmitted } from './NotAdmitted'
import { Sidebar } from './Sidebar'
import { StatusStrip } from './StatusStrip'
import { Toast } from '../ui/Toast'
import { StorageBanner } from '../features/storage/StorageBanner'
import { useTheme } from './use-theme'
import { LazyPart, lazyNamed } from '../ui/Lazy'

// The codes are the first screen; Checklist and Clock load when first opened (each a chunk of its own). Settings stays:
// the backup banner opens it and scrolls to its backup section at once (BackupBanner.tsx).
const ChecklistScreen = lazyNamed(() => import('../features/checklist/ChecklistScreen'), 'ChecklistScreen')
const ClockScreen = lazyNamed(() => import('../features/clock/ClockScreen'), 'ClockScreen')

export function App() {
  const screen = useStore((s) => s.screen)
  const showScreen = useStore((s) => s.showScreen)
  const notAdmitted = useStore((s) => s.lastError?.kind === 'not-admitted')
  const locked = useStore((s) => isAppLocked(s.lock))
  useTheme()
  useEffect(() => {
    if (!locked) document.title = `SellerGuard — ${screen[0]!.toUpperCase()}${screen.slice(1)}`
  }, [screen, locked])
  // Locked: the unlock screen and nothing else (no names, no codes, no navigation).
  if (locked) return <UnlockScreen />
  return (
    <div className="shell">
      <Sidebar current={screen} onSelect={showScreen} />
      <main className="content">
        {notAdmitted ? (
          <NotAdmitted />
        ) : (
          <>
            <ErrorBanner />
            <BackupBanner />
            <StorageBanner />
            {screen === 'codes' && <CodesScreen />}
            {screen === 'settings' && <SettingsScreen />}
            {(screen === 'checklist' || screen === 'clock') && (
              <LazyPart>
                {screen === 'checklist' && <ChecklistScreen />}
                {screen === 'clock' && <ClockScreen />}
              </LazyPart>
            )}
          </>
        )}
      </main>
      <StatusStrip />
      <Toast />
    </div>
  )
}
