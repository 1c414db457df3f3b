import { ESLint } from 'eslint'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '..')
const eslint = new ESLint({ cwd: ROOT })
/** The table of which src/main folder may import which (eslint.config.mjs). */
const { MAY_IMPORT } = (await import(pathToFileURL(path.join(ROOT, 'eslint.config.mjs')).href)) as { MAY_IMPORT: Readonly<Record<string, readonly string[]>> }

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message)
}

/** The lint rules are the boundaries: prove each one fails on a forbidden import and allows the permitted one. */
describe('lint holds the process boundaries', () => {
  it.each([
    ['src/main/vault/vault.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/main/services.ts', "import { clipboard } from 'electron'\nexport const c = clipboard"],
    ['src/main/clock/monitor.ts', "const e = require('electron')\nexport default e"],
    ['src/main/web/server.ts', "export const load = () => import('electron')"],
  ])('electron is refused in plain-Node main code (%s)', async (file, code) => {
    const messages = await restrictedImports(file, code)
    expect(messages.join('\n')).toMatch(/Only src\/main\/electron/)
  })

  it.each([
    ['src/main/electron/tray.ts', "import { Tray } from 'electron'\nexport const t = Tray"],
    ['src/main/index.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/preload/index.ts', "import { contextBridge } from 'electron'\nexport const c = contextBridge"],
  ])('electron is allowed in the adapters (%s)', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([])
  })

  it.each([
    ['src/renderer/src/features/codes/x.ts', "import fs from 'node:fs'\nexport const f = fs"],
    ['src/renderer/src/features/codes/x.ts', "import { readFile } from 'fs'\nexport const f = readFile"],
    ['src/renderer/src/features/codes/x.ts', "import keytar from 'keytar'\nexport const k = keytar"],
    ['src/renderer/src/features/codes/x.ts', "import { ipcRenderer } from 'electron'\nexport const i = ipcRenderer"],
    ['src/renderer/src/features/codes/x.ts', "import { createServices } from '../../../../main/services'\nexport const c = createServices"],
    ['src/shared/contract/x.ts', "import path from 'node:path'\nexport const p = path"],
    ['src/shared/contract/x.ts', "import { createServices } from '../../main/services'\nexport const c = createServices"],
    ['src/shared/x.ts', "import { App } from '../renderer/src/app/App'\nexport const a = App"],
    ['src/preload/x.ts', "import fs from 'node:fs'\nexport const f = fs"],
    ['src/main/otp/generate.ts', "import keytar from 'keytar'\nexport const k = keytar"],
  ])('%s may not import what it imports', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([])
  })

  it.each([
    ['src/renderer/src/features/codes/CodeRow.tsx'],
    ['src/renderer/src/features/add-account/use-text-check.ts'],
    ['src/renderer/src/ui/Toast.tsx'],
  ])('a renderer component or hook may not call main past its slice (%s)', async (file) => {
    const messages = await restrictedImports(file, "import { api } from '../../bridge/api'\nexport const a = api")
    expect(messages.join('\n')).toMatch(/through a slice action/)
  })

  it.each([['src/renderer/src/features/codes/codes-slice.ts'], ['src/renderer/src/store/index.ts']])('slices and the store call main (%s)', async (file) => {
    expect(await restrictedImports(file, "import { api } from '../../bridge/api'\nexport const a = api")).toEqual([])
  })

  it.each([
    ['src/main/vault/secret-store.ts', "import keytar from 'keytar'\nexport const k = keytar"],
    ['src/main/vault/secret-store.ts', "export const k = import('keytar')"],
    ['src/main/index.ts', "import keytar from 'keytar'\nexport const k = keytar"],
    ['src/main/electron/x.ts', "export const k = require('keytar')"],
  ])('keytar is refused in the main process (%s: %s)', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([])
  })

  it('keytar is allowed only in the keychain worker', async () => {
    expect(await restrictedImports('src/main/vault/keychain-worker.ts', "export const k = import('keytar')")).toEqual([])
    expect(await restrictedImports('src/main/vault/keychain-worker.ts', "import keytar from 'keytar'\nexport const k = keytar")).toEqual([])
  })
})

describe('lint holds the service folders to their own boundaries', () => {
  it.each([
    ['src/main/tray/tray-service.ts', "import type { Vault } from '../vault/vault'\nexport type V = Vault"],
    ['src/main/vault/vault.ts', "import { createTransferService } from '../transfer/transfer-service'\nexport const t = createTransferService"],
    ['src/main/otp/generate.ts', "import { createVault } from '../vault/vault'\nexport const v = createVault"],
    ['src/main/storage/json-file.ts', "import { FILE_POLICIES } from '../settings/settings-service'\nexport const p = FILE_POLICIES"],
    ['src/main/clock/clock-service.ts', "import { createServices } from '../services'\nexport const s = createServices"],
    ['src/main/electron/window.ts', "import { startWebServer } from '../web/server'\nexport const w = startWebServer"],
  ])('%s may not import %j', async (file, code) => {
    expect((await restrictedImports(file, code)).join('\n')).toMatch(/may import only|composition roots/)
  })

  it.each([
    ['src/main/codes/frame-service.ts', "import type { Vault } from '../vault/vault'\nexport type V = Vault"],
    ['src/main/transfer/transfer-service.ts', "import { parseUri } from '../otp/uri'\nexport const p = parseUri"],
    ['src/main/tray/tray-service.ts', "import { createListeners } from '../core/listeners'\nexport const l = createListeners"],
    ['src/main/web/web-mode.ts', "import { createServices } from '../services'\nexport const s = createServices"],
  ])('%s may import %j', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([])
  })

  it('every folder of src/main has a row, so a new folder cannot slip past the rules', () => {
    const folders = readdirSync(path.join(ROOT, 'src/main'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
    expect(folders.sort()).toEqual(Object.keys(MAY_IMPORT).sort())
  })
})
