import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
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
    expect(Object.keys(FILE_POLICIES).sort()).toEqual(['accounts', 'automaticBackups', 'backupRecord', 'checklist', 'clockHistory', 'settings', 'windowState'])
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

  it('a replacing policy lets the next save replace a damaged file', async () => {
    await fs.writeFile(file, 'garbage')
    const stored = open(FILE_POLICIES.settings)
    expect(await stored.load()).toMatchObject({ kind: 'damaged', backup: 'missing' })
    expect(await stored.save({ n: 3 })).toEqual({ ok: true, value: undefined })
    expect(await open(FILE_POLICIES.settings).load()).toEqual({ kind: 'loaded', value: { n: 3 } })
  })

  it('an unreadable file says whether its backup could stand in', async () => {
    await fs.writeFile(`${file}.bak`, JSON.stringify({ schemaVersion: 1, data: { n: 1 } }))
    await fs.mkdir(file)
    expect(await open(FILE_POLICIES.checklist).load()).toMatchObject({ kind: 'unreadable', path: file, backup: 'usable' })
  })

})
