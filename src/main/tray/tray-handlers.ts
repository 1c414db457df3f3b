import { ok } from '../../shared/result'
import type { AreaHandlers } from '../core/dispatch'
import type { TrayService } from './tray-service'

/** `tray.*`: the tray menu as data and its clicks (web mode's e2e checks the menu through these). */
export function trayHandlers(tray: TrayService): AreaHandlers<'tray'> {
  return {
    'tray.menu': () => ok(tray.menu()),
    'tray.activate': async ({ id }) => ok(await tray.activate(id)),
  }
}
