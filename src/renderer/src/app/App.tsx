import { useEffect, useState } from 'react'
import { useStore } from '../store'
import { CodesScreen } from '../features/codes/CodesScreen'
import { SettingsScreen } from '../features/settings/SettingsScreen'
import { ClockScreen } from '../features/clock/ClockScreen'
import { ChecklistScreen } from '../features/checklist/ChecklistScreen'
import { Sidebar, type Screen } from './Sidebar'
import { StatusStrip } from './StatusStrip'
import { Toast } from '../ui/Toast'
import { useTheme } from './use-theme'

export function App() {
  const [screen, setScreen] = useState<Screen>('codes')
  const lastError = useStore((s) => s.lastError)
  const quickPick = useStore((s) => s.quickPick)
  // The quick-pick shortcut always lands on the codes, whatever screen was open.
  const [seenQuickPick, setSeenQuickPick] = useState(quickPick)
  if (quickPick !== seenQuickPick) {
    setSeenQuickPick(quickPick)
    setScreen('codes')
  }
  useTheme()
  useEffect(() => {
    document.title = `SellerGuard — ${screen[0]!.toUpperCase()}${screen.slice(1)}`
  }, [screen])
  return (
    <div className="shell">
      <Sidebar current={screen} onSelect={setScreen} />
      <main className="content" aria-live="polite">
        {lastError && (
          <div role="alert" className="banner banner--error" data-error-kind={lastError.kind}>
            <span>{lastError.message}</span>
            <button type="button" className="button button--ghost" onClick={() => useStore.getState().setError(null)}>
              Dismiss
            </button>
          </div>
        )}
        {screen === 'codes' && <CodesScreen />}
        {screen === 'checklist' && <ChecklistScreen />}
        {screen === 'clock' && <ClockScreen />}
        {screen === 'settings' && <SettingsScreen />}
      </main>
      <StatusStrip />
      <Toast />
    </div>
  )
}
