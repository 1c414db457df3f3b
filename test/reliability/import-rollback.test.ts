import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KeychainStatus } from '../../src/shared/contract'
import { createMemoryLogger } from '../../src/main/core/log'
import type { Services } from '../../src/main/services'
import type { KeychainClient } from '../../src/main/vault/keychain-client'
import type { SecretStore } from '../../src/main/vault/secret-store'
import { createKeytarSecretStore } from '../helpers/keytar-store'
import { workerSecretStore } from '../helpers/keychain-worker'
import { createTestServices, writeLoopbackSettings } from '../helpers/test-services'
import { startControlledKeyring, type ControlledKeyring } from './keyring-control'
import { base32 } from './support'

const ENTRIES = 60
const LOCK_AFTER = 23

/**
 * Issue 13 §2: an import refused halfway because the keyring was locked.
 * It said "Nothing was imported", yet its rollback deletes failed silently
 * on the locked collection (83 orphans in the finding), with error kind
 * keychain-unavailable. Now: the right kind, the vault shows locked, and
 * the written items are recorded and deleted at the next unlock.
 */
describe('an import refused by a keyring locked halfway', () => {
  let keyring: ControlledKeyring
  let dataDir: string
  let worker: KeychainClient
  let services: Services
  let direct: SecretStore
  let writes = 0
  const service = `SellerGuardRollback-${randomBytes(6).toString('hex')}`

  beforeAll(async () => {
    keyring = await startControlledKeyring()
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-rollback-'))
    await writeLoopbackSettings(dataDir)
    worker = await workerSecretStore(service)
    direct = createKeytarSecretStore(service)
    // The real keychain; the screen locks after the 23rd secret of the import is written.
    const locking: SecretStore = {
      ...worker,
      get: (id) => worker.get(id),
      delete: (id) => worker.delete(id),
      list: () => worker.list(),
      isLocked: worker.isLocked ? () => worker.isLocked!() : undefined,
      set: async (id, secret) => {
        await worker.set(id, secret)
        if (id !== 'sellerguard-keychain-probe' && ++writes === LOCK_AFTER) keyring.lock()
      },
    } as SecretStore
    services = await createTestServices({ dataDir, log: createMemoryLogger(), secrets: locking })
    await services.ready
  })
  afterAll(async () => {
    await services?.dispose()
    worker?.close()
    keyring?.stop()
    await fs.rm(dataDir, { recursive: true, force: true })
  })

  it('says locked, shows locked, and deletes what it wrote at the next unlock', async () => {
    const lines = Array.from({ length: ENTRIES }, (_, i) => `otpauth://totp/Shop${i}:s${i}?secret=${base32(new Uint8Array(randomBytes(20)))}&issuer=Shop${i}`).join('\n')
    const preview = await services.dispatch('transfer.preview', { file: { name: 'list.txt', encoding: 'text', data: lines } })
    if (!preview.ok) throw new Error(preview.error.message)
    const { previewId, entries } = preview.value as { previewId: string; entries: Array<{ index: number }> }
    const confirmed = await services.dispatch('transfer.confirm', { previewId, indexes: entries.map((e) => e.index) })
    expect(confirmed).toMatchObject({ ok: false, error: { kind: 'keychain-locked' } })
    expect(!confirmed.ok && confirmed.error.message).toContain(`after ${LOCK_AFTER} of ${ENTRIES}`)

    // The vault follows: locked, with its banner's help.
    await expect.poll(async () => ((await services.dispatch('vault.status', undefined)) as { value: KeychainStatus }).value.state).toBe('locked')
    // The written items are on record, durably.
    const owed = JSON.parse(await fs.readFile(path.join(dataDir, 'pending-rollbacks.json'), 'utf8')) as { data: { ids: string[] } }
    expect(owed.data.ids).toHaveLength(LOCK_AFTER)

    keyring.unlock()
    const back = (await services.dispatch('vault.retry', undefined)) as { ok: true; value: KeychainStatus }
    expect(back.value).toMatchObject({ state: 'ready', orphanSecrets: [], total: 0 })
    expect((await direct.list()).filter((item) => item.id !== 'sellerguard-keychain-probe')).toEqual([])
    const settled = JSON.parse(await fs.readFile(path.join(dataDir, 'pending-rollbacks.json'), 'utf8')) as { data: { ids: string[] } }
    expect(settled.data.ids).toEqual([])
  })
})
