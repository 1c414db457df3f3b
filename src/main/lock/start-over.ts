import { apiError, type ApiError, type LockStatus } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { protectionOf } from './item-seal'
import type { LockCore } from './lock-core'
import { LOCK_RECORD_ID } from './lock-record'

/**
 * The way out of a forgotten password (the contract's typed confirmation
 * has already been checked): every keychain item sealed under the lock is
 * deleted, then the lock record, and the lock is off. Plain items stay.
 * The account list is not touched: its accounts show as having no secret,
 * for the user to restore from an encrypted backup or add again. Items go
 * first and the record last, so a crash halfway leaves the lock on (over
 * fewer items) and starting over again finishes it.
 */
export async function startOver(core: LockCore): Promise<Result<LockStatus, ApiError>> {
  const state = core.state()
  if (state !== 'locked' && state !== 'damaged') return err(apiError('invalid-input', 'Starting over is only for a forgotten password: SellerGuard is not locked.'))
  const deleted = await core.gate.exclusive(async () => {
    let count = 0
    for (const item of await core.raw.list()) {
      if (item.id === LOCK_RECORD_ID || protectionOf(item.secret).kind === 'plain') continue
      if (await core.raw.delete(item.id)) count++
    }
    return count
  })
  await core.writeRecord(null)
  core.keys.clear()
  await core.backoff.succeed()
  core.set({ state: 'off', lockedBy: null, problem: null })
  core.log.warn(`started over after a forgotten app password: ${deleted} sealed keychain items deleted, the app lock is off`)
  return ok(core.status())
}
