import { globalShortcut, type BrowserWindow } from 'electron'
import type { Logger } from '../core/log'

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
