import { ok } from '../../shared/result'
import type { AreaHandlers } from '../core/dispatch'
import type { AppLock } from './lock-service'

/** `lock.*`: the app lock's password, state and changes of protection. */
export function lockHandlers(lock: AppLock): AreaHandlers<'lock'> {
  return {
    'lock.status': () => ok(lock.status()),
    'lock.enable': ({ password }) => lock.enable(password),
    'lock.disable': ({ password }) => lock.disable(password),
    'lock.changePassword': ({ current, next }) => lock.changePassword(current, next),
    'lock.unlock': ({ password }) => lock.unlock(password),
    'lock.quickUnlock': () => lock.quickUnlock(),
    'lock.setQuickUnlock': ({ enabled, password }) => lock.setQuickUnlock(enabled, password),
    'lock.lockNow': async () => ok(await lock.lock('user')),
    'lock.startOver': () => lock.startOver(),
  }
}
