import { ok } from '../../shared/result'
import type { AreaHandlers } from '../core/dispatch'
import type { Vault } from '../vault/vault'
import type { FrameService } from './frame-service'

/** Code frames (`codes.*`): the current ones, and the next HOTP code on request. */
export function codeHandlers(codes: FrameService, vault: Vault): AreaHandlers<'codes'> {
  return {
    // At once: frames many new accounts still lack (after an import) follow in a push.
    'codes.frames': async () => ok(codes.framesNow()),
    'codes.nextHotp': async ({ id }) => {
      const advanced = await vault.advanceCounter(id)
      return advanced.ok ? codes.frameOrProblem(id) : advanced
    },
  }
}
