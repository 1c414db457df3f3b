import { randomBytes } from 'node:crypto'
import { apiError, type ApiError, type LockStatus } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { probeKeychain } from '../vault/secret-store'
import type { LockCore } from './lock-core'
import { lockedRecord, sealBridge, unlockingRecord, type LockRecord, type QuickSlot } from './lock-record'
import { deriveSlotKey, sealSlot, type PasswordSlot, type SlotKey } from './password-slot'
import { joinKeys } from './vault-key-bytes'
import { newVaultKey, wipe, type VaultKey } from './vault-key'

/*
 * Turning the lock on or off and changing its password. Each one writes the
 * lock record first (naming the new target while it still holds every key
 * an item may be under), then re-wraps every item, then writes the final
 * record. A crash at any moment leaves each item under a key the record
 * gives with the old or the new password (lock-record.ts); the next unlock,
 * or for turning off the next start, finishes what is left.
 */

type Change = Promise<Result<LockStatus, ApiError>>

const refuse = (message: string) => err(apiError('invalid-input', message))

/** The keys sealed by the OS for a quick unlock (null when it is off or the OS cannot seal). */
export function quickSlots(core: LockCore, keys: readonly VaultKey[]): QuickSlot[] {
  if (!core.quick || (core.record()?.quick.length ?? 0) === 0) return []
  const bytes = joinKeys(keys)
  const sealed = core.quick.seal(bytes)
  wipe(bytes)
  return sealed === null ? [] : [{ kind: core.quick.kind, keys: keys.map((k) => k.id), sealed }]
}

/**
 * After the items reached the record's target: the final record, with only
 * the slots that open the target first (re-sealed to hold just the target
 * when the derived key is at hand) and no bridges.
 */
async function finish(core: LockCore, slotKey: SlotKey | null): Promise<void> {
  const record = core.record()
  if (!record || record.target === null) return
  const target = core.keys.get(record.target)!
  const slots: PasswordSlot[] = slotKey ? [sealSlot(slotKey, [target])] : record.slots.filter((s) => s.keys[0] === record.target)
  await core.writeRecord(lockedRecord(record.target, false, { slots, quick: quickSlots(core, [target]) }))
  for (const id of core.keys.ids()) if (id !== record.target) core.keys.remove(id)
}

/** Finishes a change cut short before (at unlock): re-wraps what is left, then writes the final record. */
export async function finishPending(core: LockCore, slotKey: SlotKey | null): Promise<void> {
  const record = core.record()
  if (!record?.pending || record.target === null) return
  const kind = record.bridges.length > 0 ? 'change-password' : 'enable'
  await core.gate.exclusive(async () => {
    if (!(await core.rewrap(kind, record.target))) return
    await finish(core, slotKey)
    core.log.warn(`a change of protection (${kind}) cut short earlier has been finished`)
    if (kind === 'change-password') core.set({ problem: 'A password change was cut short and has now been finished: from now on, use the new password.' })
  })
  core.emit()
}

export async function enableLock(core: LockCore, password: string): Change {
  if (core.state() !== 'off' || core.record() !== null) return refuse('The app lock is already on.')
  const probe = await probeKeychain(core.raw, randomBytes(16).toString('hex'))
  if (probe.state !== 'ready') return err(apiError('keychain-unavailable', `The keychain must be open to turn the lock on (${probe.reason}).`))
  const slotKey = await deriveSlotKey(password, core.cost)
  if (!slotKey) return err(apiError('internal', 'The password could not be turned into a key.'))
  const key = newVaultKey()
  try {
    await core.gate.exclusive(async () => {
      await core.writeRecord(lockedRecord(key.id, true, { slots: [sealSlot(slotKey, [key])] }))
      core.keys.add(key)
      core.set({ state: 'unlocked', problem: null })
      if (await core.rewrap('enable', key.id)) await finish(core, slotKey)
    })
  } catch (e) {
    core.log.error('turning the app lock on failed', e)
    return err(apiError('keychain-unavailable', 'The keychain refused a change; every account keeps the protection it had. Try again.'))
  } finally {
    wipe(slotKey.kek)
  }
  return ok(core.status())
}

export async function changePassword(core: LockCore, current: string, next: string): Change {
  const record = core.record()
  if (core.state() !== 'unlocked' || !record?.target) return refuse('Unlock SellerGuard first.')
  const opened = await core.tryPassword(current)
  if (!opened.ok) return opened
  opened.value.keys.forEach((k) => wipe(k.bytes))
  wipe(opened.value.slotKey.kek)
  await finishPending(core, null)
  const old = core.keys.get(record.target)
  const slotKey = await deriveSlotKey(next, core.cost)
  if (!old || !slotKey) return err(apiError('internal', 'The new password could not be turned into a key.'))
  const key = newVaultKey()
  try {
    await core.gate.exclusive(async () => {
      const stable = core.record()!
      // Either password opens both keys until the change is done: the new slot holds both, and the old key opens the new one.
      const pending: LockRecord = lockedRecord(key.id, true, { slots: [sealSlot(slotKey, [key, old]), ...stable.slots], bridges: [sealBridge(old, key)], quick: quickSlots(core, [key, old]) })
      await core.writeRecord(pending)
      core.keys.add(key)
      if (await core.rewrap('change-password', key.id)) await finish(core, slotKey)
    })
  } catch (e) {
    core.log.error('changing the app password failed', e)
    return err(apiError('keychain-unavailable', 'The keychain refused a change; every account stays readable with the old or the new password. Try again.'))
  } finally {
    wipe(slotKey.kek)
  }
  return ok(core.status())
}

export async function disableLock(core: LockCore, password: string): Change {
  if (core.state() !== 'unlocked') return refuse('Unlock SellerGuard first.')
  const opened = await core.tryPassword(password)
  if (!opened.ok) return opened
  opened.value.keys.forEach((k) => wipe(k.bytes))
  wipe(opened.value.slotKey.kek)
  try {
    await core.gate.exclusive(() => finishDisable(core, core.keys.ids().map((id) => core.keys.get(id)!)))
  } catch (e) {
    core.log.error('turning the app lock off failed', e)
    return err(apiError('keychain-unavailable', 'The keychain refused a change; the lock goes on turning off at the next start.'))
  }
  return ok(core.status())
}

/** Turning off, from the start or from a record left by a crash: keys in the clear first, then plain items, then no record. */
export async function finishDisable(core: LockCore, keys: readonly VaultKey[]): Promise<void> {
  if (core.record()?.target !== null) await core.writeRecord(unlockingRecord(keys))
  core.set({ state: 'off' })
  if (await core.rewrap('disable', null)) {
    await core.writeRecord(null)
    core.keys.clear()
  }
  core.emit()
}

export async function setQuickUnlock(core: LockCore, enabled: boolean, password: string | undefined): Change {
  const record = core.record()
  if (core.state() !== 'unlocked' || !record?.target) return refuse('Turn the app lock on and unlock it first.')
  if (!enabled) {
    await core.writeRecord({ ...record, quick: [] })
    return ok(core.status())
  }
  if (!core.quick?.available()) return refuse('This computer offers no quick unlock SellerGuard can use: the password is the only way in.')
  if (password === undefined) return refuse('Type your SellerGuard password to turn quick unlock on.')
  const opened = await core.tryPassword(password)
  if (!opened.ok) return opened
  opened.value.keys.forEach((k) => wipe(k.bytes))
  wipe(opened.value.slotKey.kek)
  const bytes = joinKeys([core.keys.get(record.target)!])
  const sealed = core.quick.seal(bytes)
  wipe(bytes)
  if (sealed === null) return err(apiError('internal', 'The operating system could not keep the key for a quick unlock.'))
  await core.writeRecord({ ...record, quick: [{ kind: core.quick.kind, keys: [record.target], sealed }] })
  return ok(core.status())
}
