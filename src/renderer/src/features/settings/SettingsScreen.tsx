import { Theme } from '../../contract'
import { useStore } from '../../store'

const THEME_LABELS = { system: 'Follow the system', light: 'Light', dark: 'Dark' } as const

export function SettingsScreen() {
  const theme = useStore((s) => s.settings?.theme)
  const updateSettings = useStore((s) => s.updateSettings)
  return (
    <section className="screen" aria-labelledby="settings-title">
      <header className="screen__header">
        <h1 id="settings-title">Settings</h1>
      </header>
      <fieldset className="field">
        <legend>Theme</legend>
        {Theme.options.map((option) => (
          <label key={option} className="radio">
            <input
              type="radio"
              name="theme"
              value={option}
              checked={theme === option}
              onChange={() => void updateSettings({ theme: option })}
            />
            {THEME_LABELS[option]}
          </label>
        ))}
      </fieldset>
    </section>
  )
}
