import { app, globalShortcut, Notification, type BrowserWindow } from 'electron'
import os from 'node:os'
import path from 'node:path'
import { setLinuxAutostart } from '../platform/autostart'
import type { Logger } from '../log'

/** Start at login, per OS: Electron's login items on macOS and Windows, an autostart entry on Linux. */
export async function applyStartAtLogin(enabled: boolean, log: Logger): Promise<void> {
  try {
    if (process.platform === 'linux') {
      const exec = process.env.APPIMAGE ?? process.execPath
      await setLinuxAutostart(enabled, exec, process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'))
    } else {
      app.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] })
    }
  } catch (e) {
    log.error('could not change start at login', e)
  }
}

export function notify(title: string, body: string): void {
  if (Notification.isSupported()) new Notification({ title, body, silent: false }).show()
}

/**
 * The quick-pick shortcut: brings SellerGuard forward with the search box
 * focused (type to filter, Enter copies the first match). Returns false if
 * another app holds the shortcut.
 */
export function registerQuickPick(accelerator: string, show: () => BrowserWindow | null, onShown: () => void, log: Logger): boolean {
  globalShortcut.unregisterAll()
  if (!accelerator) return true
  try {
    const ok = globalShortcut.register(accelerator, () => {
      const window = show()
      if (window) onShown()
    })
    if (!ok) log.warn(`the shortcut ${accelerator} is taken by another app`)
    return ok
  } catch (e) {
    log.warn(`invalid shortcut ${accelerator}: ${String(e)}`)
    return false
  }
}
