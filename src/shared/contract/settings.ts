import { z } from 'zod'
import { method } from './define'
import { MAX_CLIPBOARD_CLEAR_SECONDS, MAX_HOST_LENGTH, MAX_NTP_SERVERS, MAX_SHORTCUT_LENGTH, NTP_SERVER_PATTERN, SHORTCUT_PATTERN } from './limits'

export const Theme = z.enum(['system', 'light', 'dark'])
export type Theme = z.infer<typeof Theme>

/** A host name or IP literal with an optional :port, as typed by the user. */
export const NtpServer = z
  .string()
  .trim()
  .min(1)
  .max(MAX_HOST_LENGTH)
  .regex(NTP_SERVER_PATTERN, 'a host name or IP address, optionally with :port')

export const Settings = z.object({
  theme: Theme,
  /** Seconds after a copy before the clipboard is cleared (if it still holds the code); 0 = never. */
  clipboardClearSeconds: z.number().int().min(0).max(MAX_CLIPBOARD_CLEAR_SECONDS),
  closeToTray: z.boolean(),
  startAtLogin: z.boolean(),
  /** `auto`: use corrected time when the clock is off and the measurement is trustworthy. */
  correctedTime: z.enum(['auto', 'on', 'off']),
  ntpServers: z.array(NtpServer).min(1).max(MAX_NTP_SERVERS),
  /** Global shortcut (Electron accelerator) that brings up SellerGuard to pick a code; '' = none. */
  quickPickShortcut: z.string().max(MAX_SHORTCUT_LENGTH).regex(SHORTCUT_PATTERN, 'an accelerator such as CommandOrControl+Shift+K'),
})
export type Settings = z.infer<typeof Settings>

export const SettingsPatch = Settings.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatch>

export const defaultSettings: Settings = {
  theme: 'system',
  clipboardClearSeconds: 30,
  closeToTray: false,
  startAtLogin: false,
  correctedTime: 'auto',
  ntpServers: ['time.cloudflare.com', 'time.google.com', 'pool.ntp.org', 'time.apple.com', 'time.windows.com'],
  quickPickShortcut: 'CommandOrControl+Shift+K',
}

export const settingsMethods = {
  get: method(z.void(), Settings),
  update: method(SettingsPatch, Settings),
}

export const settingsEvents = {
  changed: Settings,
}
