import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { autostartEntry, autostartPath, setLinuxAutostart } from './autostart'

describe('start at login on Linux', () => {
  it('writes and removes an autostart entry that starts hidden', async () => {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-autostart-'))
    await setLinuxAutostart(true, '/opt/SellerGuard/sellerguard', home)
    const text = await fs.readFile(autostartPath(home), 'utf8')
    expect(text).toContain('Exec=/opt/SellerGuard/sellerguard --hidden')
    expect(text).toMatch(/^\[Desktop Entry\]\nType=Application/)
    await setLinuxAutostart(false, '/opt/SellerGuard/sellerguard', home)
    await expect(fs.access(autostartPath(home))).rejects.toThrow()
    await setLinuxAutostart(false, '/x', home)
    await fs.rm(home, { recursive: true, force: true })
  })

  it('quotes an executable path with spaces or shell characters', () => {
    expect(autostartEntry('/home/ana/My Apps/SellerGuard.AppImage')).toContain('Exec="/home/ana/My Apps/SellerGuard.AppImage" --hidden')
    expect(autostartEntry('/tmp/a$b')).toContain('Exec="/tmp/a\\$b" --hidden')
  })
})
