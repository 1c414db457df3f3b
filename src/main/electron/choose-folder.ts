import { dialog, type BrowserWindow } from 'electron'

/** The system's folder picker (for the backup folder); null when cancelled. */
export async function chooseFolder(parent: BrowserWindow | null, defaultPath: string): Promise<string | null> {
  const options = { title: 'Folder for automatic backups', defaultPath, properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> }
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}
