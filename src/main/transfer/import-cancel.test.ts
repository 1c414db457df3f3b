import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccountSummary, ImportAdding, ImportOutcome, ImportPreview, KeychainStatus } from '../../shared/contract'
import { createMemoryLogger } from '../core/log'
import type { Services } from '../services'
import type { KeychainClient } from '../vault/keychain-client'
import { PROBE_ID } from '../vault/secret-store'
import { workerSecretStore } from '../../../test/helpers/keychain-worker'
import { createTestServices, writeLoopbackSettings } from '../../../test/helpers/test-services'
import { base32 } from '../../../test/reliability/support'

const ENTRIES = 40

/**
 * An import's progress and Cancel, with the real services on the real
 * keychain (gnome-keyring under scripts/with-keyring.sh): `transfer.adding`
 * counts the secrets written, and a Cancel keeps nothing of that import,
 * neither accounts nor keychain items nor owed rollbacks.
 */
describe('cancelling an import', () => {
  let dataDir: string
  let worker: KeychainClient
  let services: Services
  let progress: ImportAdding[]
  let onAdding: (p: ImportAdding) => void

  beforeEach(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-import-cancel-'))
    await writeLoopbackSettings(dataDir)
    worker = await workerSecretStore(`SellerGuardCancel-${randomBytes(6).toString('hex')}`)
    services = await createTestServices({ dataDir, log: createMemoryLogger(), secrets: worker })
    await services.ready
    progress = []
    onAdding = () => undefined
    services.bus.subscribe((name, payload) => {
      if (name !== 'transfer.adding') return
      progress.push(payload as ImportAdding)
      onAdding(payload as ImportAdding)
    })
  })
  afterEach(async () => {
    await services.dispose()
    worker.close()
    await fs.rm(dataDir, { recursive: true, force: true })
  })

  async function call<T>(method: string, input?: unknown): Promise<T> {
    const reply = await services.dispatch(method, input)
    if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`)
    return reply.value as T
  }
  const preview = () => {
    const lines = Array.from({ length: ENTRIES }, (_, i) => `otpauth://totp/Shop${i}:s${i}@example.com?secret=${base32(new Uint8Array(randomBytes(20)))}&issuer=Shop${i}`)
    return call<ImportPreview>('transfer.preview', { file: { name: 'list.txt', encoding: 'text', data: lines.join('\n') } })
  }
  const keychainItems = async () => (await worker.list()).map((item) => item.id).filter((id) => id !== PROBE_ID)

  it('keeps nothing when cancelled halfway: no account, no keychain item, nothing owed', async () => {
    const { previewId, entries } = await preview()
    let cancelling: Promise<{ ok: boolean; value?: unknown }> | null = null
    // Cancel once 15 secrets are in the keychain: the moment is an order of events, not a time.
    onAdding = (p) => void (p.written === 15 && (cancelling = services.dispatch('transfer.cancel', { previewId })))
    const confirmed = await services.dispatch('transfer.confirm', { previewId, indexes: entries.map((e) => e.index) })

    expect(confirmed).toMatchObject({ ok: false, error: { kind: 'cancelled', message: expect.stringContaining('Nothing was imported') } })
    expect(await cancelling).toEqual({ ok: true, value: { cancelled: true } })
    expect(progress[0]).toEqual({ previewId, written: 1, total: ENTRIES })
    expect(progress.at(-1)!.written).toBeGreaterThanOrEqual(15)
    expect(progress.at(-1)!.written).toBeLessThan(ENTRIES)
    expect(await call<AccountSummary[]>('accounts.list')).toEqual([])
    expect(await keychainItems()).toEqual([])
    const owed = JSON.parse(await fs.readFile(path.join(dataDir, 'pending-rollbacks.json'), 'utf8')) as { data: { ids: string[] } }
    expect(owed.data.ids).toEqual([])
    // Nothing for the next start to find either.
    expect(await call<KeychainStatus>('vault.retry')).toMatchObject({ state: 'ready', orphanSecrets: [], total: 0 })

    // The same preview can still be imported whole afterwards.
    onAdding = () => undefined
    const again = await call<ImportOutcome>('transfer.confirm', { previewId, indexes: entries.map((e) => e.index) })
    expect(again.addedIds).toHaveLength(ENTRIES)
    expect((await keychainItems()).sort()).toEqual([...again.addedIds].sort())
  })

  it('a Cancel after the import finished changes nothing and says so', async () => {
    const { previewId, entries } = await preview()
    const confirmed = await call<ImportOutcome>('transfer.confirm', { previewId, indexes: entries.map((e) => e.index) })
    expect(await call('transfer.cancel', { previewId })).toEqual({ cancelled: false })
    expect(await call<AccountSummary[]>('accounts.list')).toHaveLength(ENTRIES)
    expect(confirmed.addedIds).toHaveLength(ENTRIES)
    expect(progress.at(-1)).toEqual({ previewId, written: ENTRIES, total: ENTRIES })
  })
})
