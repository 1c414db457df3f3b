import path from 'node:path'
import { apiError, type AppInfo } from '../shared/contract'
import { err, ok } from '../shared/result'
import { createDispatch, type Dispatch, type Handlers } from './dispatch'
import { createEventBus, type EventBus } from './events'
import type { Logger } from './log'
import { createSettingsService, type SettingsService } from './settings/settings-service'

/** Everything the services need from the outside world, injected. */
export type ServiceDeps = Readonly<{
  /** Folder for metadata files (Electron's `userData`, or web mode's data dir). */
  dataDir: string
  appVersion: string
  platform: NodeJS.Platform
  runtime: AppInfo['runtime']
  /** Wall clock, ms since the epoch; injected so tests and the clock correction can steer it. */
  now: () => number
  log: Logger
}>

export interface Services {
  dispatch: Dispatch
  bus: EventBus
  settings: SettingsService
  dispose(): Promise<void>
}

const platformOf = (p: NodeJS.Platform): AppInfo['platform'] =>
  p === 'darwin' || p === 'win32' || p === 'linux' ? p : 'other'

/**
 * Assembles the plain-Node services behind the contract. Knows nothing of
 * Electron: `src/main/index.ts` and web mode both call this with their own
 * adapters.
 */
export async function createServices(deps: ServiceDeps): Promise<Services> {
  const bus = createEventBus()
  const settings = await createSettingsService({ file: path.join(deps.dataDir, 'settings.json'), bus, log: deps.log })

  const handlers: Handlers = {
    'app.info': () => ok({ name: 'SellerGuard', version: deps.appVersion, platform: platformOf(deps.platform), runtime: deps.runtime }),
    'settings.get': () => ok(settings.get()),
    'settings.update': (patch) => settings.update(patch),
    'accounts.list': () => ok([]),
    'accounts.get': ({ id }) => err(apiError('not-found', `No account with id ${id}.`)),
    'codes.frames': () => ok({ frames: [], correctionMs: 0 }),
    'clock.status': () => ok({ state: 'unknown', offsetMs: null, errorMs: null, checkedAt: null, checking: false, correctionMs: 0 }),
  }

  return {
    dispatch: createDispatch(handlers, deps.log),
    bus,
    settings,
    async dispose() {},
  }
}
