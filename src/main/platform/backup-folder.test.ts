import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultBackupFolder, documentsFolder } from './backup-folder'

const home = '/home/seller'
const dirs = (text: string | null) => () => text

describe('default backup folder', () => {
  it('uses the OS’s own documents folder when the desktop app gives it', () => {
    expect(defaultBackupFolder({ platform: 'win32', home: 'C:\\Users\\s', env: {}, documents: 'D:\\OneDrive\\Documents' })).toBe(path.join('D:\\OneDrive\\Documents', 'SellerGuard Backups'))
  })

  it('Linux: follows xdg-user-dirs (translated names, $HOME-relative or absolute), honouring XDG_CONFIG_HOME', () => {
    const read = (file: string) => (file === '/cfg/user-dirs.dirs' ? 'XDG_DESKTOP_DIR="$HOME/Schreibtisch"\nXDG_DOCUMENTS_DIR="$HOME/Dokumente"\n' : null)
    expect(documentsFolder({ platform: 'linux', home, env: { XDG_CONFIG_HOME: '/cfg' }, readText: read })).toBe('/home/seller/Dokumente')
    expect(documentsFolder({ platform: 'linux', home, env: {}, readText: dirs('XDG_DOCUMENTS_DIR="/data/docs"') })).toBe('/data/docs')
    expect(defaultBackupFolder({ platform: 'linux', home, env: {}, readText: dirs('XDG_DOCUMENTS_DIR="$HOME/Dokumente"') })).toBe('/home/seller/Dokumente/SellerGuard Backups')
  })

  it('Linux: no setting, or the home folder itself (xdg-user-dirs for "none"), gives ~/Documents', () => {
    expect(documentsFolder({ platform: 'linux', home, env: {}, readText: dirs(null) })).toBe('/home/seller/Documents')
    expect(documentsFolder({ platform: 'linux', home, env: {}, readText: dirs('XDG_DOCUMENTS_DIR="$HOME/"') })).toBe('/home/seller/Documents')
    expect(documentsFolder({ platform: 'linux', home, env: {}, readText: dirs('XDG_DOCUMENTS_DIR="relative/path"') })).toBe('/home/seller/Documents')
  })

  it('macOS ~/Documents; Windows %USERPROFILE%\\Documents', () => {
    expect(documentsFolder({ platform: 'darwin', home: '/Users/s', env: {} })).toBe('/Users/s/Documents')
    expect(documentsFolder({ platform: 'win32', home: '/fallback', env: { USERPROFILE: '/profile' } })).toBe(path.join('/profile', 'Documents'))
  })
})
