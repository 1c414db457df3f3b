import { powerMonitor, shell } from 'electron'

/**
 * Opens the OS's date & time settings; false where there is no standard way
 * (Linux desktops differ). Only these two fixed URLs are ever opened: nothing
 * the renderer sends reaches openExternal.
 */
export async function openTimeSettings(): Promise<boolean> {
  try {
    if (process.platform === 'win32') await shell.openExternal('ms-settings:dateandtime')
    else if (process.platform === 'darwin') await shell.openExternal('x-apple.systempreferences:com.apple.Date-Time-Settings.extension')
    else return false
    return true
  } catch {
    return false
  }
}

/** The computer woke up: its clock may have jumped while asleep. */
export function onResume(listener: () => void): void {
  powerMonitor.on('resume', listener)
  powerMonitor.on('unlock-screen', listener)
}
