import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../shared/contract'
import { createMemoryLogger } from '../core/log'
import { createFileIssues } from '../storage/file-issues'
import { createSettingsService } from './settings-service'

describe('settings', () => {
  it('reads a file from an older version, defaulting the settings it lacks', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-settings-'))
    const file = path.join(dir, 'settings.json')
    await fs.writeFile(file, JSON.stringify({ schemaVersion: 1, data: { theme: 'dark', clipboardClearSeconds: 10 } }))
    const settings = await createSettingsService({ file, log: createMemoryLogger() })
    expect(settings.get()).toEqual({ ...defaultSettings, theme: 'dark', clipboardClearSeconds: 10 })
  })

  it('a damaged file with a good .bak: neither is written over; changes wait until the user chooses the backup copy', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-settings-'))
    const file = path.join(dir, 'settings.json')
    const good = JSON.stringify({ schemaVersion: 1, data: { theme: 'dark' } })
    await fs.writeFile(file, '{"schemaVersion":1,"data":{"theme":')
    await fs.writeFile(`${file}.bak`, good)
    const issues = createFileIssues(() => 42)
    const settings = await createSettingsService({ file, log: createMemoryLogger(), issues })
    expect(settings.get()).toEqual(defaultSettings)
    expect(issues.status().issues).toMatchObject([{ file: 'settings', kind: 'damaged', backup: 'usable' }])
    expect(await settings.update({ theme: 'light' })).toMatchObject({ ok: false, error: { kind: 'io' } })
    expect(await settings.update({ theme: 'light' })).toMatchObject({ ok: false })
    expect(await fs.readFile(file, 'utf8')).toBe('{"schemaVersion":1,"data":{"theme":')
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe(good)
    expect(await issues.recover('settings', 'backup')).toEqual({ ok: true, value: { issues: [] } })
    expect(settings.get().theme).toBe('dark')
    expect(await fs.readFile(`${file}.damaged-42`, 'utf8')).toBe('{"schemaVersion":1,"data":{"theme":')
    expect(await settings.update({ theme: 'light' })).toMatchObject({ ok: true, value: { theme: 'light' } })
  })

  it('a file from a newer SellerGuard (schemaVersion 2) is never written over, nor its .bak', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-settings-'))
    const file = path.join(dir, 'settings.json')
    const newer = JSON.stringify({ schemaVersion: 2, data: { theme: 'dark', futureSetting: true } })
    const older = JSON.stringify({ schemaVersion: 1, data: { theme: 'light' } })
    await fs.writeFile(file, newer)
    await fs.writeFile(`${file}.bak`, older)
    const issues = createFileIssues(() => 42)
    const settings = await createSettingsService({ file, log: createMemoryLogger(), issues })
    expect(issues.status().issues).toMatchObject([{ file: 'settings', kind: 'too-new' }])
    for (const theme of ['light', 'dark'] as const) expect(await settings.update({ theme })).toMatchObject({ ok: false })
    expect(await fs.readFile(file, 'utf8')).toBe(newer)
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe(older)
    expect(await issues.recover('settings', 'fresh')).toMatchObject({ ok: true })
    expect(settings.get()).toEqual(defaultSettings)
    expect(await fs.readFile(`${file}.damaged-42`, 'utf8')).toBe(newer)
    expect(await fs.readFile(`${file}.bak.set-aside-42`, 'utf8')).toBe(older)
    expect(await settings.update({ theme: 'dark' })).toMatchObject({ ok: true })
  })
})
