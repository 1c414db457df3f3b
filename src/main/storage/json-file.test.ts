import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createJsonFile } from './json-file'

const Doc = z.object({ items: z.array(z.string()) })

describe('atomic versioned JSON file', () => {
  let dir: string
  beforeEach(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-json-'))))
  afterEach(() => fs.rm(dir, { recursive: true, force: true }))
  const make = (version = 1) => createJsonFile({ path: path.join(dir, 'sub', 'doc.json'), schema: Doc, version })

  it('creates its folder for the user alone (0700), its file 0600', async () => {
    await make().save({ items: ['a'] })
    expect((await fs.stat(path.join(dir, 'sub'))).mode & 0o777).toBe(0o700)
    expect((await fs.stat(path.join(dir, 'sub', 'doc.json'))).mode & 0o777).toBe(0o600)
  })

  it('a missing file loads as null (fresh install)', async () => {
    expect(await make().load()).toEqual({ ok: true, value: null })
  })

  it('saves, loads, and keeps the previous version as .bak', async () => {
    const file = make()
    await file.save({ items: ['a'] })
    await file.save({ items: ['a', 'b'] })
    expect(await file.load()).toEqual({ ok: true, value: { items: ['a', 'b'] } })
    expect(await file.loadBackup()).toEqual({ ok: true, value: { items: ['a'] } })
    const raw = JSON.parse(await fs.readFile(file.path, 'utf8'))
    expect(raw.schemaVersion).toBe(1)
    const stat = await fs.stat(file.path)
    if (process.platform !== 'win32') expect(stat.mode & 0o777).toBe(0o600)
  })

  it('leaves no temp files behind', async () => {
    const file = make()
    await Promise.all([file.save({ items: ['1'] }), file.save({ items: ['2'] }), file.save({ items: ['3'] })])
    const names = await fs.readdir(path.dirname(file.path))
    expect(names.sort()).toEqual(['doc.json', 'doc.json.bak'])
    // Saves are serialised: the last one called is the one on disk.
    expect(await file.load()).toEqual({ ok: true, value: { items: ['3'] } })
  })

  it('reports a corrupt file and points at the backup, without touching either', async () => {
    const file = make()
    await file.save({ items: ['good'] })
    await file.save({ items: ['newer'] })
    await fs.writeFile(file.path, '{"schemaVersion":1,"data":{"items":[')
    const loaded = await file.load()
    expect(loaded).toMatchObject({ ok: false, error: { kind: 'corrupt', backupPath: `${file.path}.bak` } })
    expect(await file.loadBackup()).toEqual({ ok: true, value: { items: ['good'] } })
    expect(await fs.readFile(file.path, 'utf8')).toBe('{"schemaVersion":1,"data":{"items":[')
  })

  it('reports data that breaks the schema as corrupt, with where', async () => {
    const file = make()
    await fs.mkdir(path.dirname(file.path), { recursive: true })
    await fs.writeFile(file.path, JSON.stringify({ schemaVersion: 1, data: { items: [1] } }))
    const loaded = await file.load()
    expect(loaded).toMatchObject({ ok: false, error: { kind: 'corrupt' } })
    if (!loaded.ok && loaded.error.kind === 'corrupt') expect(loaded.error.reason).toContain('items.0')
  })

  it('refuses a file written by a newer SellerGuard instead of overwriting it', async () => {
    await make(3).save({ items: ['from the future'] })
    expect(await make(1).load()).toMatchObject({ ok: false, error: { kind: 'too-new', version: 3 } })
  })

  it('an unwritable folder is an io error, not a throw', async () => {
    const blocker = path.join(dir, 'blocker')
    await fs.writeFile(blocker, 'a file where a folder should be')
    const file = createJsonFile({ path: path.join(blocker, 'doc.json'), schema: Doc, version: 1 })
    expect(await file.save({ items: [] })).toMatchObject({ ok: false, error: { kind: 'io' } })
  })
})
