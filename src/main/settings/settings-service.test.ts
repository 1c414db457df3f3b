import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../shared/contract'
import { createMemoryLogger } from '../core/log'
import { createSettingsService } from './settings-service'

describe('settings', () => {
  it('reads a file from an older version, defaulting the settings it lacks', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-settings-'))
    const file = path.join(dir, 'settings.json')
    await fs.writeFile(file, JSON.stringify({ schemaVersion: 1, data: { theme: 'dark', clipboardClearSeconds: 10 } }))
    const settings = await createSettingsService({ file, log: createMemoryLogger() })
    expect(settings.get()).toEqual({ ...defaultSettings, theme: 'dark', clipboardClearSeconds: 10 })
  })

  it('leaves a damaged file on disk and uses the defaults until the user changes something', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-settings-'))
    const file = path.join(dir, 'settings.json')
    await fs.writeFile(file, '{"schemaVersion":1,"data":{"theme":')
    const settings = await createSettingsService({ file, log: createMemoryLogger() })
    expect(settings.get()).toEqual(defaultSettings)
    expect(await fs.readFile(file, 'utf8')).toBe('{"schemaVersion":1,"data":{"theme":')
    expect(await settings.update({ theme: 'light' })).toMatchObject({ ok: true, value: { theme: 'light' } })
  })
})
