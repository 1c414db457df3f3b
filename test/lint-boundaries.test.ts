import { ESLint } from 'eslint'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '..')
const eslint = new ESLint({ cwd: ROOT })

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
