import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lockFixture, randomSecret, TEST_COST } from '../../../test/helpers/app-lock'
import { PROBE_ID } from '../vault/secret-store'
import { protectionOf } from './item-seal'
import { formatRecord, LOCK_RECORD_ID, parseRecord, unlockingRecord } from './lock-record'
import { openSlot } from './password-slot'
import { AppLockedError } from './locked-store'

/**
 * The app lock over the real keychain: gnome-keyring on D-Bus (npm test
 * runs Vitest inside scripts/with-keyring.sh), a keychain service of its own
 * per test. Accounts' items are written the way the vault writes them:
 * through the lock's `secrets` store.
 */
describe('app lock on the real keychain', () => {
  let fx: Awaited<ReturnType<typeof lockFixture>>
  beforeEach(async () => (fx = await lockFixture()))
  afterEach(() => fx.cleanup())

  const accounts = Array.from({ length: 6 }, (_, i) => ({ id: `acc_lock_${i}`, key: randomSecret(i % 2 ? 20 : 32) }))

  async function openWithAccounts() {
    const lock = await fx.open()
    expect(await lock.beforeSecrets()).toBe(true)
    expect(lock.status().state).toBe('off')
    for (const a of accounts) await lock.secrets.set(a.id, a.key.base32)
    return lock
  }
  const readAll = async (lock: Awaited<ReturnType<typeof fx.open>>) => Promise.all(accounts.map((a) => lock.secrets.get(a.id)))
  const plainAll = accounts.map((a) => a.key.base32)

  it('is off by default: items are stored plain, as before', async () => {
    await openWithAccounts()
    expect(await fx.raw.get(accounts[0]!.id)).toBe(accounts[0]!.key.base32)
    expect(await fx.raw.get(LOCK_RECORD_ID)).toBeNull()
  })

  it('enable seals every item under one vault key; lock, unlock and disable work', async () => {
    const lock = await openWithAccounts()
    const enabled = await lock.enable('correct horse battery')
    expect(enabled).toMatchObject({ ok: true, value: { state: 'unlocked', unfinished: false, change: null } })
    const record = parseRecord(await fx.raw.get(LOCK_RECORD_ID))
    if (record.kind !== 'record') throw new Error('no lock record')
    expect(record.record).toMatchObject({ pending: false, bridges: [], open: [] })
    for (const a of accounts) expect(protectionOf((await fx.raw.get(a.id))!)).toEqual({ kind: 'sealed', keyId: record.record.target })
    expect(await readAll(lock)).toEqual(plainAll)
    // The probe is not a secret and stays readable (the keychain check at start-up needs it).
    expect(protectionOf((await fx.raw.get(PROBE_ID)) ?? 'plain')).toEqual({ kind: 'plain' })

    await lock.lock('user')
    expect(lock.status()).toMatchObject({ state: 'locked', lockedBy: 'user' })
    expect(lock.isLocked()).toBe(true)
    await expect(lock.secrets.get(accounts[0]!.id)).rejects.toBeInstanceOf(AppLockedError)
    await expect(lock.secrets.set('acc_new', randomSecret().base32)).rejects.toBeInstanceOf(AppLockedError)
    expect(await fx.raw.get('acc_new')).toBeNull()

    expect(await lock.unlock('correct horse battery')).toMatchObject({ ok: true, value: { state: 'unlocked' } })
    expect(await readAll(lock)).toEqual(plainAll)

    expect(await lock.disable('correct horse battery')).toMatchObject({ ok: true, value: { state: 'off', unfinished: false } })
    expect(await fx.raw.get(LOCK_RECORD_ID)).toBeNull()
    for (const a of accounts) expect(await fx.raw.get(a.id)).toBe(a.key.base32)
  })

  it('a restart with the lock on starts locked, and items written while unlocked are sealed too', async () => {
    const lock = await openWithAccounts()
    await lock.enable('correct horse battery')
    const late = randomSecret()
    await lock.secrets.set('acc_late', late.base32)
    expect(protectionOf((await fx.raw.get('acc_late'))!).kind).toBe('sealed')

    const again = await fx.open()
    expect(await again.beforeSecrets()).toBe(false)
    expect(again.status()).toMatchObject({ state: 'locked', lockedBy: 'start' })
    await again.unlock('correct horse battery')
    expect(await again.beforeSecrets()).toBe(true)
    expect(await again.secrets.get('acc_late')).toBe(late.base32)
  })

  it('change password: a new vault key, the old password no longer opens it', async () => {
    const lock = await openWithAccounts()
    await lock.enable('correct horse battery')
    const before = parseRecord(await fx.raw.get(LOCK_RECORD_ID))
    expect(await lock.changePassword('wrong one', 'tr0ub4dor&3 staple')).toMatchObject({ ok: false, error: { kind: 'wrong-password' } })
    expect(await lock.changePassword('correct horse battery', 'tr0ub4dor&3 staple')).toMatchObject({ ok: true, value: { state: 'unlocked', unfinished: false } })
    const after = parseRecord(await fx.raw.get(LOCK_RECORD_ID))
    if (before.kind !== 'record' || after.kind !== 'record') throw new Error('no lock record')
    expect(after.record.target).not.toBe(before.record.target)
    expect(after.record.slots).toHaveLength(1)
    expect(after.record.slots[0]!.keys).toEqual([after.record.target])
    for (const a of accounts) expect(protectionOf((await fx.raw.get(a.id))!)).toEqual({ kind: 'sealed', keyId: after.record.target })

    await lock.lock('user')
    expect(await lock.unlock('correct horse battery')).toMatchObject({ ok: false, error: { kind: 'wrong-password' } })
    expect(await lock.unlock('tr0ub4dor&3 staple')).toMatchObject({ ok: true })
    expect(await readAll(lock)).toEqual(plainAll)
  })

  it('turning it on before the vault read the record (start-up) reads it first; on already, it refuses', async () => {
    const lock = await fx.open()
    for (const a of accounts) await fx.raw.set(a.id, a.key.base32)
    expect(lock.status().state).toBe('checking')
    expect(await lock.enable('correct horse battery')).toMatchObject({ ok: true, value: { state: 'unlocked' } })
    for (const a of accounts) expect(protectionOf((await fx.raw.get(a.id))!).kind).toBe('sealed')
    const again = await fx.open()
    expect(again.status().state).toBe('checking')
    expect(await again.enable('another long password')).toMatchObject({ ok: false, error: { message: 'The app lock is already on.' } })
    expect(again.status().state).toBe('locked')
  })

  it('a damaged lock item locks the app and deletes nothing', async () => {
    const lock = await openWithAccounts()
    await lock.enable('correct horse battery')
    await fx.raw.set(LOCK_RECORD_ID, '{"format":"sellerguard-lock","version":1')
    const again = await fx.open()
    expect(await again.beforeSecrets()).toBe(false)
    expect(again.status()).toMatchObject({ state: 'damaged', problem: expect.stringMatching(/encrypted backup/) })
    expect(again.isLocked()).toBe(true)
    expect(await again.unlock('correct horse battery')).toMatchObject({ ok: false })
    await expect(again.secrets.set('acc_x', randomSecret().base32)).rejects.toBeInstanceOf(AppLockedError)
    for (const a of accounts) expect(await fx.raw.get(a.id)).toMatch(/^sglock:1:/)
  })

  it('a turning-off cut short finishes at the next start without a password', async () => {
    const lock = await openWithAccounts()
    await lock.enable('correct horse battery')
    // What disable() writes before touching any item (lock-changes.ts), as a crash would leave it.
    const record = parseRecord(await fx.raw.get(LOCK_RECORD_ID))
    if (record.kind !== 'record') throw new Error('no lock record')
    const opened = await openSlot(record.record.slots[0]!, 'correct horse battery', { minimum: TEST_COST.minimum })
    await fx.raw.set(LOCK_RECORD_ID, formatRecord(unlockingRecord(opened!.keys)))
    await fx.raw.set(accounts[0]!.id, accounts[0]!.key.base32)

    const again = await fx.open()
    expect(await again.beforeSecrets()).toBe(true)
    expect(again.status()).toMatchObject({ state: 'off', unfinished: false })
    expect(await fx.raw.get(LOCK_RECORD_ID)).toBeNull()
    for (const a of accounts) expect(await fx.raw.get(a.id)).toBe(a.key.base32)
  })
})
