import { ok } from '../../shared/result'
import type { AreaHandlers } from '../core/dispatch'
import type { Vault } from '../vault/vault'
import type { FrameService } from './frame-service'

/** Code frames (`codes.*`): the current ones, and the next HOTP code on request. */
export function codeHandlers(codes: FrameService, vault: Vault): AreaHandlers<'codes'> {
  return {
    // Computed a slice at a time where many are new (after an import), then read from the cache.
    'codes.frames': async () => (await codes.warm(), ok(codes.frames())),
    'codes.nextHotp': async ({ id }) => {
      const advanced = await vault.advanceCounter(id)
      return advanced.ok ? codes.frameOrProblem(id) : advanced
    },
  }
}
