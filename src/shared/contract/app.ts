import { z } from 'zod'
import { method } from './define'

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** `process.platform` of the main process. */
  platform: z.enum(['darwin', 'win32', 'linux', 'other']),
  /** How the UI is connected: Electron IPC, or web mode's loopback WebSocket. */
  runtime: z.enum(['electron', 'web']),
  /** Whether this run can take a picture of the screen to scan a QR code on it (web mode without a display cannot). */
  screenCapture: z.boolean(),
})
export type AppInfo = z.infer<typeof AppInfo>

export const appMethods = {
  info: method(z.void(), AppInfo),
}

export const appEvents = {
  /** The quick-pick shortcut was pressed: focus the search box. */
  quickPick: z.object({}),
}
