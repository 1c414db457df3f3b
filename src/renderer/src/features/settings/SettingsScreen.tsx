import { useId, useState } from 'react'
import { DENSITIES, THEMES } from '../../contract'
import { useStore } from '../../store'
import { BackupSettings } from '../backup/BackupSettings'
import { LockSettings } from '../lock/LockSettings'
import { PrivacySettings } from '../lock/PrivacySettings'
import { TransferPanel } from '../transfer/TransferPanel'
import { TimeServersField } from './TimeServersField'

const THEME_LABELS = { system: 'Follow the system', light: 'Light', dark: 'Dark' } as const
const CLEAR_CHOICES = [10, 20, 30, 60, 120, 0] as const
const COPY_NEXT_CHOICES = [3, 5, 8, 10, 15] as const
const DENSITY_LABELS = { comfortable: 'Comfortable (72 px rows)', compact: 'Compact (44 px rows: more accounts at once)' } as const
const CORRECTION_LABELS = {
  auto: 'Automatically, when my clock is off and the measurement is reliable (recommended)',
  on: 'Always, by the last measurement',
  off: 'Never: use the system clock',
} as const

export function SettingsScreen() {
  const settings = useStore((s) => s.settings)
  const runtime = useStore((s) => s.info?.runtime)
  const platform = useStore((s) => s.info?.platform)
  const update = useStore((s) => s.updateSettings)
  const ids = { clear: useId(), copyNext: useId() }
  if (!settings) return null
  const desktopOnly = runtime === 'web' ? ' (desktop app only)' : ''
  return (
    <section className="screen settings" aria-labelledby="settings-title">
      <header className="screen__header">
        <h1 id="settings-title">Settings</h1>
      </header>
      <fieldset className="field">
        <legend>Theme</legend>
        {THEMES.map((option) => (
          <label key={option} className="radio">
            <input type="radio" name="theme" value={option} checked={settings.theme === option} onChange={() => void update({ theme: option })} />
            {THEME_LABELS[option]}
          </label>
        ))}
      </fieldset>
      <LockSettings settings={settings} update={update} />
      <PrivacySettings settings={settings} update={update} platform={platform} web={runtime === 'web'} />
      <fieldset className="field">
        <legend>Codes list</legend>
        {DENSITIES.map((option) => (
          <label key={option} className="radio">
            <input type="radio" name="density" value={option} checked={settings.density === option} onChange={() => void update({ density: option })} />
            {DENSITY_LABELS[option]}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>Clipboard</legend>
        <label className="radio">
          <input
            type="checkbox"
            checked={settings.copyNextBelowSeconds > 0}
            onChange={(e) => void update({ copyNextBelowSeconds: e.target.checked ? 5 : 0 })}
            data-testid="copy-next"
          />
          Copy the next code instead when fewer than
        </label>{' '}
        <label htmlFor={ids.copyNext} className="visually-hidden">
          Seconds left
        </label>
        <select
          id={ids.copyNext}
          className="input input--inline"
          value={settings.copyNextBelowSeconds || 5}
          disabled={settings.copyNextBelowSeconds === 0}
          onChange={(e) => void update({ copyNextBelowSeconds: Number(e.target.value) })}
        >
          {COPY_NEXT_CHOICES.map((s) => (
            <option key={s} value={s}>
              {s} seconds
            </option>
          ))}
        </select>{' '}
        are left
        <p className="muted">
          For a click, Enter, the tray and the quick pick alike; the message after copying says which code it was. Off by default: a site that does not
          accept a code early would refuse the next one until its turn comes.
        </p>
        <label htmlFor={ids.clear}>Clear a copied code after</label>{' '}
        <select id={ids.clear} className="input input--inline" value={settings.clipboardClearSeconds} onChange={(e) => void update({ clipboardClearSeconds: Number(e.target.value) })}>
          {CLEAR_CHOICES.map((s) => (
            <option key={s} value={s}>
              {s === 0 ? 'never' : s < 60 ? `${s} seconds` : `${s / 60} minute${s === 60 ? '' : 's'}`}
            </option>
          ))}
        </select>
        <p className="muted">Only if the clipboard still holds that code: anything you copied since is left alone.</p>
      </fieldset>
      <fieldset className="field">
        <legend>Window{desktopOnly}</legend>
        <label className="radio">
          <input type="checkbox" checked={settings.closeToTray} onChange={(e) => void update({ closeToTray: e.target.checked })} />
          Closing the window keeps SellerGuard in the tray
        </label>
        <label className="radio">
          <input type="checkbox" checked={settings.startAtLogin} onChange={(e) => void update({ startAtLogin: e.target.checked })} />
          Start SellerGuard when I log in
        </label>
        <ShortcutField value={settings.quickPickShortcut} onSave={(quickPickShortcut) => void update({ quickPickShortcut })} />
      </fieldset>
      <fieldset className="field">
        <legend>Use corrected time for codes</legend>
        {(['auto', 'on', 'off'] as const).map((mode) => (
          <label key={mode} className="radio">
            <input type="radio" name="correctedTime" checked={settings.correctedTime === mode} onChange={() => void update({ correctedTime: mode })} />
            {CORRECTION_LABELS[mode]}
          </label>
        ))}
      </fieldset>
      <TimeServersField settings={settings} onSave={update} />
      <h2 className="section-title">Import and backup</h2>
      <BackupSettings />
      <TransferPanel />
    </section>
  )
}

function ShortcutField({ value, onSave }: Readonly<{ value: string; onSave: (shortcut: string) => void }>) {
  const [text, setText] = useState(value)
  const id = useId()
  const valid = /^[A-Za-z0-9+ ]*$/.test(text) && text.length <= 60
  return (
    <div className="inline-form">
      <div className="form__field">
        <label htmlFor={id}>Quick-pick shortcut (type to filter, Enter copies)</label>
        <input id={id} className="input input--mono" value={text} onChange={(e) => setText(e.target.value)} placeholder="CommandOrControl+Shift+K" aria-invalid={!valid} />
      </div>
      <button type="button" className="button" disabled={!valid || text === value} onClick={() => onSave(text.trim())}>
        Save
      </button>
    </div>
  )
}
