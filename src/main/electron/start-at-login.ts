import { app } from 'electron'
import os from 'node:os'
import path from 'node:path'
import type { Logger } from '../core/log'
import { setLinuxAutostart } from '../platform/autostart'

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
