import { afterEach, beforeEach, expect, it } from 'vitest'
import { lockFixture, randomSecret, TEST_COST } from '../../../test/helpers/app-lock'
import { needs } from '../../../test/helpers/needs'
import { readKeychainDirectly, secretToolMissing } from '../../../test/helpers/secret-tool'
import { secretSpellings } from '../../../test/reliability/support'
import { DEFAULT_SCRYPT } from '../transfer/backup-schema'
import { LOCK_RECORD_ID, formatRecord, parseRecord } from './lock-record'
import { FREE_TRIES, waitAfter } from './backoff'
import { openSlot } from './password-slot'

/**
 * What someone reading the keychain around SellerGuard sees (secret-tool,
 * as Seahorse or Keychain Access would show it): with the lock on, no
 * secret in any spelling, and no vault key either. And the wrong-password
 * count, which survives a restart and never deletes anything.
 */
const missing = await secretToolMissing()

let fx: Awaited<ReturnType<typeof lockFixture>>
beforeEach(async () => (fx = await lockFixture()))
afterEach(() => fx.cleanup())

needs(missing).it('with the lock on, the keychain read directly holds no secret in any encoding', async () => {
  const lock = await fx.open()
  await lock.beforeSecrets()
  const keys = Array.from({ length: 8 }, (_, i) => ({ id: `acc_direct_${i}`, key: randomSecret(i % 2 ? 20 : 32) }))
  for (const { id, key } of keys) await lock.secrets.set(id, key.base32)
  const leaks = (text: string) => keys.flatMap(({ key }) => secretSpellings(key).filter((s) => text.includes(s)))

  // The scan sees secrets when they are there: with the lock off they are plain.
  const before = [...(await readKeychainDirectly(fx.service)).values()].join('\n')
  expect(leaks(before).length).toBeGreaterThanOrEqual(keys.length)

  await lock.enable('correct horse battery')
  const items = await readKeychainDirectly(fx.service)
  for (const { id } of keys) expect(items.get(id)).toMatch(/^sglock:1:[0-9a-f]{16}:[A-Za-z0-9_-]+$/)
  const everything = [...items.entries()].map(([id, secret]) => `${id}=${secret}`).join('\n')
  expect(leaks(everything)).toEqual([])
  // Nor the vault key itself, in any spelling.
  const record = parseRecord(items.get(LOCK_RECORD_ID) ?? null)
  if (record.kind !== 'record') throw new Error('no lock record')
  const opened = await openSlot(record.record.slots[0]!, 'correct horse battery', { minimum: TEST_COST.minimum })
  const vaultKey = Buffer.from(opened!.keys[0]!.bytes)
  const keySpellings = [vaultKey.toString('hex'), vaultKey.toString('hex').toUpperCase(), vaultKey.toString('base64').replace(/=+$/, ''), vaultKey.toString('base64url')]
  expect(keySpellings.filter((s) => everything.includes(s))).toEqual([])
})

it('new password slots cost at least what encrypted backups do, and a cheaper slot is refused unopened', async () => {
  // The real cost, as the app uses it (no test cost): ~0.65 s here.
  const lock = await fx.open({ cost: {} })
  await lock.beforeSecrets()
  await lock.secrets.set('acc_cost', randomSecret().base32)
  await lock.enable('correct horse battery')
  const record = parseRecord(await fx.raw.get(LOCK_RECORD_ID))
  if (record.kind !== 'record') throw new Error('no lock record')
  expect(record.record.slots[0]!.kdf).toMatchObject({ name: 'scrypt', N: DEFAULT_SCRYPT.N, r: DEFAULT_SCRYPT.r, p: DEFAULT_SCRYPT.p })

  // Someone lowers N in the keychain item to make guessing cheaper: refused before any scrypt runs.
  const weakened = { ...record.record, slots: [{ ...record.record.slots[0]!, kdf: { ...record.record.slots[0]!.kdf, N: 2 ** 14 } }] }
  await fx.raw.set(LOCK_RECORD_ID, formatRecord(weakened))
  const again = await fx.open({ cost: {} })
  await again.beforeSecrets()
  expect(await again.unlock('correct horse battery')).toMatchObject({ ok: false, error: { kind: 'wrong-password' } })
  // And with the cost restored but the header changed otherwise (the salt), the tag check fails.
  const resalted = { ...record.record, slots: [{ ...record.record.slots[0]!, kdf: { ...record.record.slots[0]!.kdf, salt: Buffer.alloc(32, 7).toString('base64') } }] }
  await fx.raw.set(LOCK_RECORD_ID, formatRecord(resalted))
  const third = await fx.open({ cost: {} })
  await third.beforeSecrets()
  expect(await third.unlock('correct horse battery')).toMatchObject({ ok: false, error: { kind: 'wrong-password' } })
}, 30_000)

it('wrong passwords: waits grow after five, the count survives a restart, nothing is ever deleted', async () => {
  const lock = await fx.open()
  await lock.beforeSecrets()
  const secret = randomSecret()
  await lock.secrets.set('acc_backoff', secret.base32)
  await lock.enable('correct horse battery')
  await lock.lock('user')

  for (let i = 1; i < FREE_TRIES; i++) {
    expect(await lock.unlock(`wrong ${i}`)).toMatchObject({ ok: false, error: { kind: 'wrong-password' } })
    expect(lock.status()).toMatchObject({ failures: i, retryAt: null })
  }
  expect(await lock.unlock('wrong 5')).toMatchObject({ ok: false, error: { kind: 'wrong-password', message: expect.stringMatching(/Wait 30 s/) } })
  expect(lock.status().retryAt).not.toBeNull()
  // During the wait even the right password is not tried.
  expect(await lock.unlock('correct horse battery')).toMatchObject({ ok: false, error: { kind: 'retry-later' } })

  // A restart does not reset the count or the wait.
  const again = await fx.open()
  await again.beforeSecrets()
  expect(again.status()).toMatchObject({ state: 'locked', failures: FREE_TRIES })
  expect(await again.unlock('correct horse battery')).toMatchObject({ ok: false, error: { kind: 'retry-later' } })
  fx.advance(waitAfter(FREE_TRIES))
  expect(await again.unlock('wrong 6')).toMatchObject({ ok: false, error: { kind: 'wrong-password', message: expect.stringMatching(/Wait 60 s/) } })
  fx.advance(waitAfter(FREE_TRIES + 1) - 1)
  expect(await again.unlock('correct horse battery')).toMatchObject({ ok: false, error: { kind: 'retry-later' } })
  fx.advance(1)
  expect(await again.unlock('correct horse battery')).toMatchObject({ ok: true, value: { state: 'unlocked', failures: 0, retryAt: null } })
  expect(await again.secrets.get('acc_backoff')).toBe(secret.base32)

  // Waits keep growing, to an hour at most.
  expect([5, 6, 7, 8, 20].map(waitAfter)).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000])
})
