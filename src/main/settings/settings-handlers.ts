import { ok } from '../../shared/result'
import type { AreaHandlers } from '../core/dispatch'
import type { SettingsService } from './settings-service'

/** `settings.*` */
export function settingsHandlers(settings: SettingsService): AreaHandlers<'settings'> {
  return {
    'settings.get': () => ok(settings.get()),
    'settings.update': (patch) => settings.update(patch),
  }
}
