import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createFileIssues } from './file-issues'
import { FILE_POLICIES, type FilePolicy } from './file-policy'
import { createStoredFile } from './stored-file'

const Doc = z.object({ n: z.number() })

/** The one mechanism behind every file SellerGuard writes; checklist/store.test.ts covers the recovery choices. */
describe('stored file: what a problem does, as the policy table says', () => {
  let dir: string
  let file: string
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-stored-'))
    file = path.join(dir, 'doc.json')
  })
  afterEach(() => fs.rm(dir, { recursive: true, force: true }))
  const open = (policy: FilePolicy) => createStoredFile({ path: file, schema: Doc, version: 1, policy })

  it('every file the app writes has a row in the table', () => {
    expect(Object.keys(FILE_POLICIES).sort()).toEqual(['accounts', 'automaticBackups', 'backupRecord', 'checklist', 'clockHistory', 'lockFailures', 'rollbacks', 'settings', 'windowState'])
  })

  it('a blocking policy keeps a damaged file, and its backup, until the user chooses', async () => {
    const seed = open(FILE_POLICIES.accounts)
    await seed.load()
    await seed.save({ n: 1 })
    await seed.save({ n: 2 })
    await fs.writeFile(file, 'garbage')
    const stored = open(FILE_POLICIES.accounts)
    expect(await stored.load()).toMatchObject({ kind: 'damaged', backup: 'usable' })
    expect(await stored.save({ n: 3 })).toEqual({ ok: false, error: { kind: 'blocked', because: 'damaged' } })
    expect(await fs.readFile(file, 'utf8')).toBe('garbage')
    expect(await stored.restoreBackup(7)).toEqual({ ok: true, value: { n: 1 } })
    expect(await fs.readFile(`${file}.damaged-7`, 'utf8')).toBe('garbage')
  })

  it('no policy lets a save replace a damaged or newer file: each is kept, and so is its backup', async () => {
    for (const policy of Object.values(FILE_POLICIES)) {
      await fs.writeFile(file, 'garbage')
      const stored = open(policy)
      expect(await stored.load()).toMatchObject({ kind: 'damaged', backup: 'missing' })
      expect(await stored.save({ n: 3 })).toEqual({ ok: false, error: { kind: 'blocked', because: 'damaged' } })
      await fs.writeFile(file, JSON.stringify({ schemaVersion: 2, data: { n: 9 } }))
      expect(await open(policy).load()).toMatchObject({ kind: 'too-new', version: 2 })
      expect(await open(policy).save({ n: 3 })).toMatchObject({ ok: false, error: { kind: 'blocked' } })
    }
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ schemaVersion: 2, data: { n: 9 } })
  })

  it('a missing file comes back from its .bak, which stays as it was, and the UI is told', async () => {
    const issues = createFileIssues(() => 5)
    await fs.writeFile(`${file}.bak`, JSON.stringify({ schemaVersion: 1, data: { n: 1 } }))
    const stored = createStoredFile({ path: file, schema: Doc, version: 1, policy: FILE_POLICIES.settings, issues })
    expect(await stored.load()).toEqual({ kind: 'loaded', value: { n: 1 }, restored: true })
    expect(issues.status().issues).toEqual([{ file: 'settings', kind: 'restored', path: file, reason: '', backup: 'usable' }])
    await stored.save({ n: 2 })
    expect(JSON.parse(await fs.readFile(`${file}.bak`, 'utf8'))).toEqual({ schemaVersion: 1, data: { n: 1 } })
    expect(issues.dismiss('settings')).toEqual({ issues: [] })
  })

  it('start fresh keeps the damaged file and a damaged .bak aside, then saves go through', async () => {
    const issues = createFileIssues(() => 7)
    await fs.writeFile(file, 'garbage')
    await fs.writeFile(`${file}.bak`, 'more garbage')
    const stored = createStoredFile({ path: file, schema: Doc, version: 1, policy: FILE_POLICIES.accounts, issues })
    expect(await stored.load()).toMatchObject({ kind: 'damaged', backup: 'damaged' })
    expect(await issues.recover('accounts', 'backup')).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(await issues.recover('accounts', 'fresh')).toEqual({ ok: true, value: { issues: [] } })
    expect(await fs.readFile(`${file}.damaged-7`, 'utf8')).toBe('garbage')
    expect(await fs.readFile(`${file}.bak.damaged-7`, 'utf8')).toBe('more garbage')
    expect(await stored.save({ n: 1 })).toEqual({ ok: true, value: undefined })
    expect(await stored.save({ n: 2 })).toEqual({ ok: true, value: undefined })
    expect(await fs.readFile(`${file}.damaged-7`, 'utf8')).toBe('garbage')
  })

  it('an unreadable file says whether its backup could stand in', async () => {
    await fs.writeFile(`${file}.bak`, JSON.stringify({ schemaVersion: 1, data: { n: 1 } }))
    await fs.mkdir(file)
    expect(await open(FILE_POLICIES.checklist).load()).toMatchObject({ kind: 'unreadable', path: file, backup: 'usable' })
  })

})
