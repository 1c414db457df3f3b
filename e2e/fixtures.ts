/**
 * The one place that knows how the app is started. Specs import `test` and
 * `expect` from here and never branch on the mode:
 * - `E2E_MODE=electron`: the real app (`out/main/index.js`) via `_electron`.
 * - otherwise (here, CI): web mode's server on loopback + Debian's Chromium.
 * Every test gets a fresh data folder; the keychain is the session's
 * gnome-keyring (scripts/with-keyring.sh).
 */
import { test as base, expect, _electron, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export type AppHandle = Readonly<{
  mode: 'electron' | 'web'
  dataDir: string
}>

const ROOT = path.resolve(__dirname, '..')
const MODE = process.env.E2E_MODE === 'electron' ? 'electron' : 'web'

type Fixtures = { app: AppHandle; page: Page }

export const test = base.extend<Fixtures>({
  app: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sellerguard-e2e-'))
    await use({ mode: MODE, dataDir })
    rmSync(dataDir, { recursive: true, force: true })
  },
  page: async ({ app, browser }, use) => {
    if (app.mode === 'electron') {
      const electronApp = await _electron.launch({
        args: [path.join(ROOT, 'out/main/index.js')],
        env: { ...process.env, SELLERGUARD_DATA_DIR: app.dataDir } as Record<string, string>,
      })
      const page = await electronApp.firstWindow()
      await use(page)
      await electronApp.close()
      return
    }
    const server = await startWebMode(app.dataDir)
    const context = await browser.newContext({ colorScheme: 'light' })
    const page = await context.newPage()
    await page.goto(server.url)
    await use(page)
    await context.close()
    await server.stop()
  },
})

export { expect }

/** Starts `out/main/web.js` and waits for the address it prints. */
async function startWebMode(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'out/main/web.js')], {
    env: { ...process.env, SELLERGUARD_DATA_DIR: dataDir, SELLERGUARD_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /^SELLERGUARD_URL=(\S+)$/m.exec(stdout)
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`web mode exited with ${code}: ${stderr}`)))
  })
  return { url, stop: () => stopChild(child) }
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}
