import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRendererFile } from './renderer-files'

describe('serving the built renderer', () => {
  let root: string
  beforeAll(async () => {
    const base = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-files-'))
    root = path.join(base, 'renderer')
    await fs.mkdir(path.join(root, 'assets'), { recursive: true })
    await fs.writeFile(path.join(root, 'index.html'), '<html></html>')
    await fs.writeFile(path.join(root, 'assets', 'a.js'), 'x')
    await fs.writeFile(path.join(base, 'secret.json'), '{"secret":1}')
    await fs.writeFile(path.join(base, 'renderer-evil.js'), 'evil')
  })
  afterAll(() => fs.rm(path.dirname(root), { recursive: true, force: true }))

  it('serves index.html for / and files with their type', async () => {
    expect((await readRendererFile(root, '/'))?.contentType).toMatch(/text\/html/)
    expect((await readRendererFile(root, '/assets/a.js?v=1'))?.contentType).toMatch(/javascript/)
  })

  it.each([
    '/../secret.json',
    '/%2e%2e/secret.json',
    '/assets/%2e%2e/%2e%2e/secret.json',
    '/..%2fsecret.json',
    '/..%5csecret.json',
    '/../renderer-evil.js',
    '/%00index.html',
    '/%E0%A4%A',
    '/assets/missing.js',
    '/index.exe',
  ])('refuses %s', async (url) => {
    expect(await readRendererFile(root, url)).toBeNull()
  })

  it('does not follow a symlink whose real path leaves the folder (app:// and web mode read through here)', async () => {
    const base = path.dirname(root)
    await fs.symlink(path.join(base, 'secret.json'), path.join(root, 'assets', 'leak.json'))
    await fs.symlink(base, path.join(root, 'up'))
    await fs.symlink(path.join(root, 'assets', 'a.js'), path.join(root, 'alias.js'))
    expect(await readRendererFile(root, '/assets/leak.json')).toBeNull()
    expect(await readRendererFile(root, '/up/secret.json')).toBeNull()
    expect(await readRendererFile(root, '/up/renderer-evil.js')).toBeNull()
    // A link that stays inside is fine.
    expect((await readRendererFile(root, '/alias.js'))?.body.toString()).toBe('x')
  })
})
