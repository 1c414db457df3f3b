import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KeychainStatus } from '../../src/shared/contract'
import { createMemoryLogger } from '../../src/main/core/log'
import type { Services } from '../../src/main/services'
import { KeychainFault } from '../../src/main/vault/keychain-fault'
import { readSecretServiceLocked } from '../../src/main/vault/secret-service-lock'
import type { SecretStore } from '../../src/main/vault/secret-store'
import { createTestServices, writeLoopbackSettings } from '../helpers/test-services'
import { startControlledKeyring, type ControlledKeyring } from './keyring-control'

/**
 * "Locked" told apart from "not answering" after any failure: the Secret
 * Service's own `Locked` property, read over D-Bus beside the keychain
 * library, against the real gnome-keyring (keyring-control.ts).
 */
describe('keychain lock state over D-Bus', () => {
  let keyring: ControlledKeyring
  beforeAll(async () => {
    keyring = await startControlledKeyring()
  })
  afterAll(() => keyring?.stop())

  it('reads unlocked, locked and unlocked again', async () => {
    expect(await readSecretServiceLocked()).toBe(false)
    keyring.lock()
    expect(await readSecretServiceLocked()).toBe(true)
    keyring.unlock()
    expect(await readSecretServiceLocked()).toBe(false)
  })

  it('a keychain library stuck behind the unlock prompt: the vault says locked, not "not answering"', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-lock-state-'))
    await writeLoopbackSettings(dataDir)
    // keytar stuck in secret_password_lookup_sync, as after a lock mid-read: every call times out (what the
    // worker client reports); whether the keyring is locked comes from the real daemon.
    const stuck = async (): Promise<never> => {
      throw new KeychainFault('not-answering', 'The keychain did not answer in time.')
    }
    const secrets: SecretStore = { get: stuck, set: stuck, delete: stuck, list: stuck, isLocked: () => readSecretServiceLocked() }
    let services: Services | null = null
    try {
      keyring.lock()
      services = await createTestServices({ dataDir, log: createMemoryLogger(), secrets })
      await services.ready
      const status = (await services.dispatch('vault.status', undefined)) as { ok: true; value: KeychainStatus }
      expect(status.value).toMatchObject({ state: 'locked' })
      keyring.unlock()
      // Unlocked, but the library is still stuck: now it really is "not answering".
      expect(((await services.dispatch('vault.retry', undefined)) as { ok: true; value: KeychainStatus }).value).toMatchObject({ state: 'not-answering' })
    } finally {
      await services?.dispose()
      keyring.unlock()
      await fs.rm(dataDir, { recursive: true, force: true })
    }
  })
})
