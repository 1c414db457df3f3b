import { z } from 'zod'
import { DENSITIES, SORT_ORDERS, THEMES } from './choices'
import { method } from './define'
import { MAX_AUTO_LOCK_MINUTES, MAX_CLIPBOARD_CLEAR_SECONDS, MAX_COPY_NEXT_SECONDS, MAX_HOST_LENGTH, MAX_NTP_SERVERS, MAX_SHORTCUT_LENGTH, SHORTCUT_PATTERN } from './limits'
import { hostFormProblem, TIME_SERVER_NAME, TIME_SITE_NAME } from './host-text'

export const Theme = z.enum(THEMES)
export type Theme = z.infer<typeof Theme>

/** A host name or IP literal with an optional :port (1–65535), as typed by the user. */
const hostWithPort = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Type a ${what}.`)
    .max(MAX_HOST_LENGTH, `A ${what} is at most ${MAX_HOST_LENGTH} characters.`)
    .superRefine((text, ctx) => {
      const problem = hostFormProblem(text)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })

/** An NTP server. */
export const NtpServer = hostWithPort(TIME_SERVER_NAME)
/** An HTTPS site whose `Date` header is read when no NTP server answers. */
export const HttpsTimeHost = hostWithPort(TIME_SITE_NAME)

/**
 * Read only when no NTP server answers (UDP port 123 blocked): the sites
 * whose time matters most are the ones that check the codes, Amazon's.
 */
export const DEFAULT_HTTPS_TIME_HOSTS: readonly string[] = [
  'sellercentral.amazon.com',
  'sellercentral-europe.amazon.com',
  'kdp.amazon.com',
  'affiliate-program.amazon.com',
  'www.amazon.com',
]

/** Row height of the codes list: `comfortable` (72 px) or `compact` (44 px, 14+ accounts at 1024×700). */
export const Density = z.enum(DENSITIES)
export type Density = z.infer<typeof Density>

/** Order of the codes list within each section: `manual` (the user's order), by name, by issuer, or most recently copied first. */
export const SortOrder = z.enum(SORT_ORDERS)
export type SortOrder = z.infer<typeof SortOrder>

export const Settings = z.object({
  theme: Theme,
  /** Seconds after a copy before the clipboard is cleared (if it still holds the code); 0 = never. */
  clipboardClearSeconds: z.number().int().min(0).max(MAX_CLIPBOARD_CLEAR_SECONDS),
  closeToTray: z.boolean(),
  startAtLogin: z.boolean(),
  /** `auto`: use corrected time when the clock is off and the measurement is trustworthy. */
  correctedTime: z.enum(['auto', 'on', 'off']),
  ntpServers: z.array(NtpServer).min(1, 'Keep at least one time server.').max(MAX_NTP_SERVERS, `At most ${MAX_NTP_SERVERS} time servers.`),
  /** Read the time from HTTPS sites' `Date` headers when no NTP server answers. */
  httpsTimeFallback: z.boolean(),
  /** The only sites the fallback contacts. */
  httpsTimeHosts: z.array(HttpsTimeHost).max(MAX_NTP_SERVERS, `At most ${MAX_NTP_SERVERS} sites.`),
  /** Global shortcut (Electron accelerator) that brings up SellerGuard to pick a code; '' = none. */
  quickPickShortcut: z.string().max(MAX_SHORTCUT_LENGTH).regex(SHORTCUT_PATTERN, 'an accelerator such as CommandOrControl+Shift+K'),
  /** With the app lock on: lock after this many minutes without keyboard or mouse input anywhere on the computer; 0 = never. */
  autoLockIdleMinutes: z.number().int().min(0).max(MAX_AUTO_LOCK_MINUTES),
  /** With the app lock on: lock when the computer's screen locks or it goes to sleep. */
  autoLockOnScreenLock: z.boolean(),
  /** With the app lock on: lock when the window is hidden or minimised (to the tray). */
  autoLockWhenHidden: z.boolean(),
  /** Keep SellerGuard's windows out of screen shares and recordings (Windows and macOS; Linux cannot). */
  contentProtection: z.boolean(),
  /** Show codes as ••• ••• until a row is clicked, or focused and Enter pressed. */
  hideCodes: z.boolean(),
  density: Density,
  sort: SortOrder,
  /**
   * Copy the next code instead when fewer than this many seconds of the
   * current one are left (it would likely expire before the site checks it);
   * 0 = off. Applies to every copy: click, Enter, tray, quick pick.
   */
  copyNextBelowSeconds: z.number().int().min(0).max(MAX_COPY_NEXT_SECONDS),
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
  httpsTimeFallback: true,
  httpsTimeHosts: [...DEFAULT_HTTPS_TIME_HOSTS],
  quickPickShortcut: 'CommandOrControl+Shift+K',
  autoLockIdleMinutes: 5,
  autoLockOnScreenLock: true,
  autoLockWhenHidden: false,
  contentProtection: true,
  hideCodes: false,
  density: 'comfortable',
  sort: 'manual',
  copyNextBelowSeconds: 0,
}

export const settingsMethods = {
  get: method(z.void(), Settings),
  update: method(SettingsPatch, Settings),
}

export const settingsEvents = {
  changed: Settings,
}
