import type { ApiError, CodesAround } from '../../shared/contract'
import { ok, type Result } from '../../shared/result'
import type { AreaHandlers } from '../core/dispatch'
import type { ClockService } from './clock-service'

export type ClockHandlerDeps = Readonly<{
  clock: ClockService
  /** An account's codes either side of now, on the clock codes use (the code service's). */
  codesAround: (accountId: string) => Result<CodesAround, ApiError>
  /** Opens the OS's date & time settings; absent where that is impossible (web mode). */
  openTimeSettings?: () => Promise<boolean>
}>

/** `clock.*`: the clock's status, checks, history, and help when a code is rejected. */
export function clockHandlers(deps: ClockHandlerDeps): AreaHandlers<'clock'> {
  const { clock } = deps
  return {
    'clock.status': () => ok(clock.status()),
    'clock.check': async () => ok(await clock.check()),
    'clock.history': () => ok(clock.history()),
    'clock.around': ({ id }) => deps.codesAround(id),
    'clock.openSettings': async () => ok({ opened: deps.openTimeSettings ? await deps.openTimeSettings() : false }),
  }
}
