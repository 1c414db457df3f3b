import { promises as fs } from 'node:fs'
import path from 'node:path'
import { defaultSettings } from '../../src/shared/contract'
import { createMemoryClipboard } from '../../src/shared/clipboard-guard'
import type { Logger } from '../../src/main/core/log'
import { createServices, type Services } from '../../src/main/services'
import type { SecretStore } from '../../src/main/vault/secret-store'

/** Settings that keep a test on loopback: the clock check goes to a port where nothing answers, no HTTPS fallback. */
export async function writeLoopbackSettings(dataDir: string): Promise<void> {
  await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ schemaVersion: 1, data: { ...defaultSettings, ntpServers: ['127.0.0.1:9'], httpsTimeFallback: false } }))
}

/** The real services of web mode, for a reliability suite: its data folder, logger and keychain (and transfer worker, if given). */
export function createTestServices(deps: Readonly<{ dataDir: string; log: Logger; secrets: SecretStore; transferWorker?: string; startQuietMs?: number }>): Promise<Services> {
  return createServices({
    ...deps,
    appVersion: '0.0.0-test',
    platform: 'linux',
    runtime: 'web',
    now: Date.now,
    clipboard: createMemoryClipboard(),
    clockCheckOptions: { samplesPerServer: 1, sampleSpacingMs: 1, timeoutMs: 200 },
  })
}
