import { apiError, defaultSettings, Settings, type ApiError, type SettingsPatch } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { createListeners, type OnChange } from '../core/listeners'
import type { Logger } from '../core/log'
import type { FileIssues } from '../storage/file-issues'
import { FILE_POLICIES } from '../storage/file-policy'
import { createStoredFile } from '../storage/stored-file'

export interface SettingsService {
  get(): Settings
  update(patch: SettingsPatch): Promise<Result<Settings, ApiError>>
  /** Called with the new settings after every change. */
  onChange: OnChange<[settings: Settings]>
}

export type SettingsDeps = Readonly<{ file: string; log: Logger; issues?: FileIssues }>

/**
 * User preferences in `settings.json`. A damaged file, or one from a newer
 * SellerGuard, leaves the defaults in force in memory while the file (and
 * its `.bak`) stays untouched: changes are refused until the user chose to
 * use the backup copy or start fresh, so nothing is reset silently.
 */
export async function createSettingsService(deps: SettingsDeps): Promise<SettingsService> {
  // Settings added in a later version are absent from older files: read what is there, default the rest.
  const file = createStoredFile({ path: deps.file, schema: Settings.partial(), version: 1, policy: FILE_POLICIES.settings, ...(deps.issues ? { issues: deps.issues } : {}) })
  const loaded = await file.load()
  let current: Settings = defaultSettings
  if (loaded.kind === 'loaded') current = { ...defaultSettings, ...loaded.value }
  else deps.log.warn(`settings file unreadable, using defaults until the user chooses: ${JSON.stringify(loaded)}`)
  const changes = createListeners<[Settings]>()
  file.onRecovered((value) => {
    current = { ...defaultSettings, ...value }
    changes.emit(current)
  })

  return {
    get: () => current,
    async update(patch) {
      const next = Settings.parse({ ...current, ...patch })
      const saved = await file.save(next)
      if (!saved.ok) {
        deps.log.error('could not save settings', saved.error)
        if (saved.error.kind === 'blocked') return err(apiError('io', `Settings cannot be changed until you choose what to do with the damaged file ${file.path}: use its backup copy, or start fresh (the damaged file is kept).`))
        return err(apiError('io', `Could not save settings to ${file.path}.`))
      }
      current = next
      changes.emit(current)
      return ok(current)
    },
    onChange: changes.onChange,
  }
}
