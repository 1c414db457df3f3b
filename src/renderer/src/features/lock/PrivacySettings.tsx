import type { Settings, SettingsPatch } from '../../contract'
import { canProtectContent } from '../../../../shared/screen-privacy'

type Props = Readonly<{ settings: Settings; update: (patch: SettingsPatch) => Promise<unknown>; platform: string | undefined; web: boolean }>

/** Settings → Screen privacy: content protection (where the OS has it) and hiding codes until asked. */
export function PrivacySettings({ settings, update, platform, web }: Props) {
  const canProtect = canProtectContent(platform, web ? 'web' : 'electron')
  return (
    <fieldset className="field" data-testid="privacy-settings">
      <legend>Screen privacy</legend>
      <label className="radio">
        <input type="checkbox" checked={settings.contentProtection} disabled={!canProtect} onChange={(e) => void update({ contentProtection: e.target.checked })} />
        Keep SellerGuard out of screen shares, recordings and screenshots
      </label>
      <p className="muted">
        {canProtect
          ? 'Windows and macOS leave the window out of what they capture.'
          : web
            ? 'Not in a browser tab: the browser decides what a screen share shows. Use "Hide codes" below.'
            : 'Linux cannot keep a window out of a screen share. Use "Hide codes" below.'}
      </p>
      <label className="radio">
        <input type="checkbox" checked={settings.hideCodes} onChange={(e) => void update({ hideCodes: e.target.checked })} data-testid="hide-codes" />
        Hide codes as ••• ••• until I click a row, or focus it and press Enter
      </label>
    </fieldset>
  )
}
