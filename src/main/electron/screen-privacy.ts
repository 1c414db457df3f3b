import { app, BrowserWindow } from 'electron'

/**
 * Content protection (screen privacy): every SellerGuard window, the main one
 * and any opened later, is kept out of screen shares, recordings and
 * screenshots where the OS allows it (Windows: WDA_EXCLUDEFROMCAPTURE;
 * macOS: NSWindowSharingNone). Linux has no such API: the call does nothing
 * there, and Settings says so. `on()` is read for each new window.
 */
export function protectWindows(on: () => boolean): (value: boolean) => void {
  app.on('browser-window-created', (_event, window) => window.setContentProtection(on()))
  return (value) => {
    for (const window of BrowserWindow.getAllWindows()) window.setContentProtection(value)
  }
}
