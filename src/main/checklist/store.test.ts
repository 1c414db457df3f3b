import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyChecklistState, setRegion, type ChecklistState } from './state'
import { createChecklistStore } from './store'

const stateWith = (accountId: string): ChecklistState => setRegion(emptyChecklistState(), accountId, 'eu')
const NOW = 1_767_225_600_000

describe('checklist store', () => {
  let dir: string
  let file: string
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-checklist-'))
    file = path.join(dir, 'checklist.json')
  })
  afterEach(() => fs.rm(dir, { recursive: true, force: true }))

  /** Two saves, so checklist.json holds B and checklist.json.bak holds A. */
  async function seeded(): Promise<void> {
    const store = createChecklistStore(file)
    await store.load()
    expect((await store.save(stateWith('account-000A'))).ok).toBe(true)
    expect((await store.save(stateWith('account-000B'))).ok).toBe(true)
  }

  it('a fresh install loads an empty checklist', async () => {
    expect(await createChecklistStore(file).load()).toEqual({ kind: 'loaded', state: { accounts: {} }, fresh: true })
  })

  it('saves and loads again, versioned on disk', async () => {
    await seeded()
    expect(await createChecklistStore(file).load()).toEqual({ kind: 'loaded', state: stateWith('account-000B'), fresh: false })
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ schemaVersion: 2 })
  })

  it('reads a version 1 file (before ticks per kind and "This computer") as it is', async () => {
    const v1 = { accounts: { 'account-0001': { region: 'eu', items: { 'deposit-method': { done: true, at: NOW } } } } }
    await fs.writeFile(file, JSON.stringify({ schemaVersion: 1, data: v1 }))
    expect(await createChecklistStore(file).load()).toEqual({ kind: 'loaded', state: v1, fresh: false })
  })

  it('refuses to save before a load: it could not know what it would overwrite', async () => {
    expect(await createChecklistStore(file).save(emptyChecklistState())).toEqual({ ok: false, error: { kind: 'blocked', because: 'not-loaded' } })
  })

  it('reports a corrupt file with the backup offered — never silently reset — and keeps both files as they were', async () => {
    await seeded()
    await fs.writeFile(file, '{"schemaVersion":1,"data":{"accounts":')
    const store = createChecklistStore(file)
    const loaded = await store.load()
    expect(loaded).toMatchObject({ kind: 'damaged', path: file, backup: 'usable' })
    if (loaded.kind === 'damaged') expect(loaded.reason).toMatch(/not JSON/)
    expect(await store.save(emptyChecklistState())).toEqual({ ok: false, error: { kind: 'blocked', because: 'damaged' } })
    expect(await fs.readFile(file, 'utf8')).toBe('{"schemaVersion":1,"data":{"accounts":')
    expect(JSON.parse(await fs.readFile(`${file}.bak`, 'utf8')).data).toEqual(stateWith('account-000A'))
  })

  it('reports data that breaks the schema as damaged, too', async () => {
    await fs.writeFile(file, JSON.stringify({ schemaVersion: 1, data: { accounts: { 'account-0001': { region: 'mars', items: {} } } } }))
    expect(await createChecklistStore(file).load()).toMatchObject({ kind: 'damaged', backup: 'missing' })
  })

  it('restoring the backup moves the damaged file aside and makes saving possible again', async () => {
    await seeded()
    await fs.writeFile(file, 'garbage')
    const store = createChecklistStore(file)
    await store.load()
    expect(await store.restoreBackup(NOW)).toEqual({ ok: true, value: stateWith('account-000A') })
    expect(await fs.readFile(`${file}.damaged-${NOW}`, 'utf8')).toBe('garbage')
    expect((await store.save(stateWith('account-000C'))).ok).toBe(true)
    expect(await createChecklistStore(file).load()).toMatchObject({ kind: 'loaded', state: stateWith('account-000C') })
  })

  it('says when there is no backup to restore', async () => {
    await fs.writeFile(file, 'garbage')
    const store = createChecklistStore(file)
    expect(await store.load()).toMatchObject({ kind: 'damaged', backup: 'missing' })
    expect(await store.restoreBackup(NOW)).toMatchObject({ ok: false, error: { kind: 'no-backup' } })
    expect(await store.save(emptyChecklistState())).toMatchObject({ ok: false, error: { kind: 'blocked' } })
  })

  it('reports a damaged backup as such', async () => {
    await fs.writeFile(file, 'garbage')
    await fs.writeFile(`${file}.bak`, 'also garbage')
    expect(await createChecklistStore(file).load()).toMatchObject({ kind: 'damaged', backup: 'damaged' })
  })

  it('starting fresh is an explicit choice: the damaged file is kept aside, never deleted', async () => {
    await fs.writeFile(file, 'garbage')
    const store = createChecklistStore(file)
    await store.load()
    expect(await store.startFresh(NOW)).toEqual({ ok: true, value: { accounts: {} } })
    expect(await fs.readFile(`${file}.damaged-${NOW}`, 'utf8')).toBe('garbage')
    expect((await store.save(stateWith('account-000D'))).ok).toBe(true)
  })

  it('leaves a file from a newer SellerGuard alone', async () => {
    const newer = JSON.stringify({ schemaVersion: 99, data: { whatever: true } })
    await fs.writeFile(file, newer)
    const store = createChecklistStore(file)
    expect(await store.load()).toEqual({ kind: 'too-new', path: file, version: 99, backup: 'missing' })
    expect(await store.save(emptyChecklistState())).toEqual({ ok: false, error: { kind: 'blocked', because: 'too-new' } })
    expect(await fs.readFile(file, 'utf8')).toBe(newer)
  })

  it('reports a file it cannot read, and lets a later load succeed', async () => {
    await fs.mkdir(file)
    const store = createChecklistStore(file)
    expect(await store.load()).toMatchObject({ kind: 'unreadable', path: file })
    expect(await store.save(emptyChecklistState())).toEqual({ ok: false, error: { kind: 'blocked', because: 'unreadable' } })
    await fs.rmdir(file)
    expect(await store.load()).toMatchObject({ kind: 'loaded', fresh: true })
    expect((await store.save(emptyChecklistState())).ok).toBe(true)
  })
})
