import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAccountStore } from './account-store'

describe('account store', () => {
  let dir: string
  beforeEach(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-account-store-'))))
  afterEach(() => fs.rm(dir, { recursive: true, force: true }))

  it('the account list file itself refuses to be saved over when damaged, not only the vault in front of it', async () => {
    const accounts = path.join(dir, 'accounts.json')
    await fs.writeFile(accounts, '{"schemaVersion":1,"data":')
    const store = createAccountStore(accounts)
    expect(await store.load()).toMatchObject({ ok: false, error: { kind: 'damaged', backup: 'missing' } })
    expect(await store.save([])).toMatchObject({ ok: false, error: { kind: 'blocked', because: 'damaged' } })
    expect(await fs.readFile(accounts, 'utf8')).toBe('{"schemaVersion":1,"data":')
  })
})
