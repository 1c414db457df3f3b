import type { AppInfo } from '../../shared/contract'
import { ok } from '../../shared/result'
import type { AreaHandlers } from './dispatch'

/** `screen`: the screen capture the QR scan uses, if this run has one (web mode without a display has none). */
export type AppInfoDeps = Readonly<{ appVersion: string; platform: NodeJS.Platform; runtime: AppInfo['runtime']; screen?: object | null }>

const platformOf = (p: NodeJS.Platform): AppInfo['platform'] => (p === 'darwin' || p === 'win32' || p === 'linux' ? p : 'other')

/** `app.*`: what the UI shows about SellerGuard itself. */
export function appHandlers(deps: AppInfoDeps): AreaHandlers<'app'> {
  return {
    'app.info': () => ok({ name: 'SellerGuard', version: deps.appVersion, platform: platformOf(deps.platform), runtime: deps.runtime, screenCapture: (deps.screen ?? null) !== null }),
  }
}
