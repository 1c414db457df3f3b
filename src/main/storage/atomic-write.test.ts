import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from './atomic-write'

/** The one atomic write, on the real file system. */
describe('writeFileAtomic', () => {
  let dir: string
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-atomic-'))
  })
  afterEach(() => fs.rm(dir, { recursive: true, force: true }))

  it('replaces the target by default, with mode 0600 and no temp file left', async () => {
    const file = path.join(dir, 'doc.json')
    await fs.writeFile(file, 'old')
    await writeFileAtomic(file, 'new')
    expect(await fs.readFile(file, 'utf8')).toBe('new')
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600)
    expect(await fs.readdir(dir)).toEqual(['doc.json'])
  })

  it('with replace: false, a file already there is left exactly as it was (EEXIST), and no temp file stays', async () => {
    const file = path.join(dir, 'sellerguard-auto-2026-05-01T12-00-00-000Z.sgbackup')
    await fs.writeFile(file, 'the user’s own file')
    await expect(writeFileAtomic(file, 'a backup', { replace: false })).rejects.toMatchObject({ code: 'EEXIST' })
    expect(await fs.readFile(file, 'utf8')).toBe('the user’s own file')
    expect(await fs.readdir(dir)).toEqual([path.basename(file)])
  })

  it('with replace: false, a new name is written whole', async () => {
    const file = path.join(dir, 'new.sgbackup')
    await writeFileAtomic(file, 'a backup', { replace: false })
    expect(await fs.readFile(file, 'utf8')).toBe('a backup')
    expect((await fs.stat(file)).nlink).toBe(1)
    expect(await fs.readdir(dir)).toEqual(['new.sgbackup'])
  })
})
