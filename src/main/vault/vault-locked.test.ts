import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPrivateKeyring, type PrivateKeyring } from '../../../test/helpers/private-keyring'
import { createMemoryLogger } from '../core/log'
import { normaliseKey } from '../otp/base32'
import { createAccountStore } from './account-store'
import { workerSecretStore } from '../../../test/helpers/keychain-worker'
import type { KeychainClient } from './keychain-client'
import { probeKeychain } from './secret-store'
import { createVault, type AccountDraft } from './vault'

const draft: AccountDraft = { type: 'totp', issuer: 'Amazon', label: 'me', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, group: '', kind: 'seller-central' }
const KEY = normaliseKey('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')
if (!KEY.ok) throw new Error('bad test key')

/**
 * A locked Secret Service answers reads with null and no error. This file
 * runs its own D-Bus session and gnome-keyring (it locks it, which would
 * disturb tests sharing the session keyring).
 */
describe('a locked keychain', () => {
  let keyring: PrivateKeyring
  let dir: string
  let secrets: KeychainClient

  beforeAll(async () => {
    keyring = await startPrivateKeyring()
    secrets = await workerSecretStore(`SellerGuardTest-${randomBytes(6).toString('hex')}`)
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-locked-'))
  })
  afterAll(async () => {
    secrets.close()
    keyring.stop()
    await fs.rm(dir, { recursive: true, force: true })
  })

  it('is reported as locked, keeps the metadata, and recovers on retry without a restart', async () => {
    const log = createMemoryLogger()
    const vault = createVault({ secrets, store: createAccountStore(path.join(dir, 'accounts.json')), platform: 'linux', now: Date.now, log })
    await vault.start()
    const added = await vault.add(draft, KEY.value)
    if (!added.ok) throw new Error(added.error.message)
    const metadataBefore = await fs.readFile(path.join(dir, 'accounts.json'), 'utf8')

    keyring.lock()
    // The trap this guards against: a plain read says "no secret", not "locked".
    expect(await secrets.get(added.value.id)).toBeNull()

    const locked = await vault.retry()
    expect(locked.state).toBe('locked')
    expect(locked.help).toMatch(/Unlock/)
    expect(vault.key(added.value.id)).toBeUndefined()
    expect(vault.accounts()).toHaveLength(1)
    expect(locked.missingSecrets).toEqual([])
    expect(await vault.add({ ...draft, label: 'other' }, KEY.value)).toMatchObject({ ok: false, error: { kind: 'keychain-locked' } })
    expect(await vault.reveal(added.value.id)).toMatchObject({ ok: false, error: { kind: 'keychain-locked' } })
    expect(await fs.readFile(path.join(dir, 'accounts.json'), 'utf8')).toBe(metadataBefore)

    await keyring.unlock()
    const back = await vault.retry()
    expect(back).toMatchObject({ state: 'ready', loaded: 1, missingSecrets: [] })
    expect(vault.key(added.value.id)).toEqual(KEY.value.bytes)
    await vault.dispose()
  })
})

describe('no keychain at all', () => {
  it('probes as unavailable with the OS reason, never as empty', async () => {
    // A store whose every call fails the way keytar does without a Secret Service.
    const failing = {
      get: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      set: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      delete: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      list: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    }
    expect(await probeKeychain(failing, 'x')).toEqual({ state: 'unavailable', reason: 'Cannot autolaunch D-Bus without X11 $DISPLAY' })
  })
})
