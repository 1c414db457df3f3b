import { apiError, defaultSettings, Settings, type ApiError, type SettingsPatch } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import type { EventBus } from '../core/events'
import type { Logger } from '../core/log'
import { createJsonFile } from '../storage/json-file'

export interface SettingsService {
  get(): Settings
  update(patch: SettingsPatch): Promise<Result<Settings, ApiError>>
  /** Called with the new settings after every change. */
  onChange(listener: (settings: Settings) => void): () => void
}

export type SettingsDeps = Readonly<{ file: string; bus: EventBus; log: Logger }>

/**
 * User preferences in `settings.json`. A damaged file falls back to the
 * defaults in memory and is left on disk untouched until the user changes a
 * setting, so nothing is reset silently.
 */
export async function createSettingsService(deps: SettingsDeps): Promise<SettingsService> {
  // Settings added in a later version are absent from older files: read what is there, default the rest.
  const file = createJsonFile({ path: deps.file, schema: Settings.partial(), version: 1 })
  const loaded = await file.load()
  let current: Settings = defaultSettings
  if (loaded.ok) current = { ...defaultSettings, ...loaded.value }
  else deps.log.warn(`settings file unreadable, using defaults: ${JSON.stringify(loaded.error)}`)
  const listeners = new Set<(settings: Settings) => void>()

  return {
    get: () => current,
    async update(patch) {
      const next = Settings.parse({ ...current, ...patch })
      const saved = await file.save(next)
      if (!saved.ok) {
        deps.log.error('could not save settings', saved.error)
        return err(apiError('io', `Could not save settings to ${file.path}.`))
      }
      current = next
      deps.bus.emit('settings.changed', current)
      for (const listener of listeners) listener(current)
      return ok(current)
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
