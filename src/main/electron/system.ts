import { powerMonitor, shell } from 'electron'

/** Where each OS keeps its date & time settings, as a URL the OS opens. */
const TIME_SETTINGS_URL: Partial<Record<NodeJS.Platform, string>> = {
  win32: 'ms-settings:dateandtime',
  darwin: 'x-apple.systempreferences:com.apple.Date-Time-Settings.extension',
}

/** Opens the OS's date & time settings; false where there is no standard way (Linux desktops differ). */
export async function openTimeSettings(): Promise<boolean> {
  const url = TIME_SETTINGS_URL[process.platform]
  if (!url) return false
  try {
    await shell.openExternal(url)
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
