import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../core/log'
import type { Services } from '../services'
import type { KeychainClient } from '../vault/keychain-client'
import { workerSecretStore } from '../../../test/helpers/keychain-worker'
import { createTestServices, writeLoopbackSettings } from '../../../test/helpers/test-services'
import { transferWorkerEntry } from '../../../test/helpers/transfer-worker'

const LINK = { file: { encoding: 'text', data: 'otpauth://totp/Shop:me?secret=JBSWY3DPEHPK3PXP&issuer=Shop' } } as const

/**
 * The import dialog opened (`transfer.prepare`): the thread files are read
 * on starts then, not with the first file, with the real services, the real
 * transfer worker thread and the real keychain.
 */
describe('getting ready for an import file', () => {
  let dataDir: string
  let worker: KeychainClient
  let services: Services

  async function start(transferWorker?: string) {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-import-prepare-'))
    await writeLoopbackSettings(dataDir)
    worker = await workerSecretStore(`SellerGuardPrepare-${randomBytes(6).toString('hex')}`)
    services = await createTestServices({ dataDir, log: createMemoryLogger(), secrets: worker, ...(transferWorker ? { transferWorker } : {}) })
    await services.ready
  }
  afterEach(async () => {
    await services.dispose()
    worker.close()
    await fs.rm(dataDir, { recursive: true, force: true })
  })

  it('starts the reading thread once; the first file is then read on it, and no other starts', async () => {
    await start(await transferWorkerEntry())
    expect(await services.dispatch('transfer.prepare', undefined)).toEqual({ ok: true, value: { started: true } })
    expect(await services.dispatch('transfer.prepare', undefined)).toEqual({ ok: true, value: { started: false } })
    expect(await services.dispatch('transfer.preview', LINK)).toMatchObject({ ok: true, value: { entries: [{ issuer: 'Shop', label: 'me' }] } })
    expect(await services.dispatch('transfer.prepare', undefined)).toEqual({ ok: true, value: { started: false } })
  })

  it('where files are read on the calling thread, nothing starts and previews work as before', async () => {
    await start()
    expect(await services.dispatch('transfer.prepare', undefined)).toEqual({ ok: true, value: { started: false } })
    expect(await services.dispatch('transfer.preview', LINK)).toMatchObject({ ok: true, value: { entries: [{ issuer: 'Shop' }] } })
  })

  it('takes no input: anything else is refused before it runs', async () => {
    await start(await transferWorkerEntry())
    expect(await services.dispatch('transfer.prepare', { extra: true } as never)).toMatchObject({ ok: false, error: { kind: 'invalid-request' } })
  })
})
