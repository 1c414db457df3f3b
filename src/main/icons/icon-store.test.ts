import { mkdtempSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createIconStore } from './icon-store'

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, '../../../test/fixtures-icons', name)))
const freshStore = () => createIconStore(path.join(mkdtempSync(path.join(tmpdir(), 'sg-icons-')), 'icons'))

describe('icon store', () => {
  it('keeps a checked image per account and gives it back with its sniffed type', async () => {
    const store = freshStore()
    const png = fixture('shop.png')
    expect(await store.save('account-0001', png)).toEqual({ ok: true, value: { mimeType: 'image/png', bytes: png } })
    expect(await store.load('account-0001')).toEqual({ ok: true, value: { mimeType: 'image/png', bytes: new Uint8Array(png) } })
    expect(await store.load('account-0002')).toEqual({ ok: true, value: null })
    // Private to the user, like the other files in the data folder.
    expect(statSync(path.join(store.dir, 'account-0001.icon')).mode & 0o777).toBe(0o600)
  })

  it('replaces the earlier image and leaves no temporary file', async () => {
    const store = freshStore()
    await store.save('account-0001', fixture('shop.png'))
    await store.save('account-0001', fixture('shop.webp'))
    expect(await store.load('account-0001')).toMatchObject({ ok: true, value: { mimeType: 'image/webp' } })
    expect(readdirSync(store.dir)).toEqual(['account-0001.icon'])
  })

  it('refuses a bad image and keeps the one it had', async () => {
    const store = freshStore()
    await store.save('account-0001', fixture('shop.png'))
    expect(await store.save('account-0001', fixture('shop.svg'))).toEqual({ ok: false, error: { kind: 'not-an-image' } })
    expect(await store.load('account-0001')).toMatchObject({ ok: true, value: { mimeType: 'image/png' } })
  })

  it('checks the file again when reading it: one changed on disk is refused, not served', async () => {
    const store = freshStore()
    await store.save('account-0001', fixture('shop.png'))
    writeFileSync(path.join(store.dir, 'account-0001.icon'), fixture('shop.svg'))
    expect(await store.load('account-0001')).toEqual({ ok: false, error: { kind: 'not-an-image' } })
    writeFileSync(path.join(store.dir, 'account-0001.icon'), new Uint8Array(400 * 1024))
    expect(await store.load('account-0001')).toEqual({ ok: false, error: { kind: 'too-large', bytes: 400 * 1024 } })
  })

  it('removes an image, and removing none is fine', async () => {
    const store = freshStore()
    await store.save('account-0001', fixture('shop.jpg'))
    expect(await store.remove('account-0001')).toEqual({ ok: true, value: undefined })
    expect(await store.remove('account-0001')).toEqual({ ok: true, value: undefined })
    expect(await store.load('account-0001')).toEqual({ ok: true, value: null })
  })

  it('never builds a path from something that is not an account id', async () => {
    const store = freshStore()
    await expect(store.load('../../etc/passwd')).rejects.toThrow(/not an account id/)
  })
})
