import os from 'node:os'
import path from 'node:path'

/**
 * The folder Electron's `app.getPath('userData')` uses for SellerGuard on
 * each OS, so web mode and the desktop app share their data by default.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'SellerGuard')
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'SellerGuard')
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'SellerGuard')
}

/** The OS's per-user cache folder for SellerGuard: only what can be made again (web/compile-cache.ts). */
export function defaultCacheDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'SellerGuard', 'Cache')
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'SellerGuard')
  return path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'SellerGuard')
}
