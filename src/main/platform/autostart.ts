import { promises as fs } from 'node:fs'
import path from 'node:path'

/**
 * Start at login on Linux, where Electron's setLoginItemSettings does
 * nothing: a freedesktop autostart entry in ~/.config/autostart, which
 * GNOME, KDE, Xfce and others honour. macOS and Windows use Electron's API.
 */
export function autostartEntry(exec: string): string {
  // Desktop Entry spec: quote the path if it has spaces; `--hidden` starts in the tray.
  const quoted = /[\s"'\\$`]/.test(exec) ? `"${exec.replace(/(["`$\\])/g, '\\$1')}"` : exec
  return ['[Desktop Entry]', 'Type=Application', 'Name=SellerGuard', 'Comment=Authenticator and account safety for sellers', `Exec=${quoted} --hidden`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join('\n')
}

export function autostartPath(configHome: string): string {
  return path.join(configHome, 'autostart', 'sellerguard.desktop')
}

export async function setLinuxAutostart(enabled: boolean, exec: string, configHome: string): Promise<void> {
  const file = autostartPath(configHome)
  if (!enabled) {
    await fs.rm(file, { force: true })
    return
  }
  await fs.mkdir(path.dirname(file), { recursive: true })
  await fs.writeFile(file, autostartEntry(exec), { mode: 0o644 })
}
