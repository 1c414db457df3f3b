import { readFileSync } from 'node:fs'
import path from 'node:path'

/** The folder automatic backups go to unless the user picks another, inside the user's documents. */
export const BACKUP_FOLDER_NAME = 'SellerGuard Backups'

export type DocumentsLookup = Readonly<{
  platform: NodeJS.Platform
  home: string
  env: NodeJS.ProcessEnv
  /** The OS's own answer where there is one (Electron's `app.getPath('documents')`: Known Folders on Windows, OneDrive moves included). */
  documents?: string
  /** Reads a text file, null when absent (injected for tests). */
  readText?: (file: string) => string | null
}>

const readOrNull = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/**
 * The user's documents folder: the OS's answer when given; on Linux the
 * freedesktop xdg-user-dirs setting (`XDG_DOCUMENTS_DIR` in
 * `$XDG_CONFIG_HOME/user-dirs.dirs`, which is translated, e.g. ~/Dokumente)
 * unless it is the home folder itself (xdg-user-dirs' way of saying "none");
 * otherwise ~/Documents (%USERPROFILE%\Documents on Windows).
 */
export function documentsFolder(lookup: DocumentsLookup): string {
  if (lookup.documents) return lookup.documents
  const { home, env } = lookup
  if (lookup.platform === 'win32') return path.join(env.USERPROFILE ?? home, 'Documents')
  if (lookup.platform === 'linux') {
    const dirs = (lookup.readText ?? readOrNull)(path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'user-dirs.dirs'))
    const line = dirs?.split('\n').find((l) => /^XDG_DOCUMENTS_DIR=/.test(l.trim()))
    const value = line?.trim().replace(/^XDG_DOCUMENTS_DIR=/, '').replace(/^"(.*)"$/, '$1')
    // The file's format: "$HOME/relative" or an absolute path.
    const resolved = value?.startsWith('$HOME') ? path.join(home, value.slice('$HOME'.length)) : value
    if (resolved && path.isAbsolute(resolved) && path.resolve(resolved) !== path.resolve(home)) return resolved
  }
  return path.join(home, 'Documents')
}

/** Documents/SellerGuard Backups for this user. */
export function defaultBackupFolder(lookup: DocumentsLookup): string {
  return path.join(documentsFolder(lookup), BACKUP_FOLDER_NAME)
}
