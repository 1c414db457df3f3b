import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '..')
// js-yaml has no types of its own here; its load() is all this needs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): unknown }

type BuilderConfig = { electronFuses?: Record<string, unknown>; asar?: boolean; files?: string[]; asarUnpack?: string[] }
const config = yaml.load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig
// electron-builder's own schema: a misspelt fuse would be silently ignored, so every name must be one it knows.
const schema = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } }

/** Electron cannot be packaged here (no download); the packaging config is read and checked instead. */
describe('packaging hardening (electron-builder.yml)', () => {
  it.each([
    ['runAsNode', false, 'ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node'],
    ['enableNodeOptionsEnvironmentVariable', false, 'NODE_OPTIONS cannot inject code'],
    ['enableNodeCliInspectArguments', false, '--inspect cannot attach a debugger'],
    ['enableEmbeddedAsarIntegrityValidation', true, 'a modified app.asar is refused'],
    ['onlyLoadAppFromAsar', true, 'app code is loaded only from app.asar'],
  ])('fuse %s is %s (%s)', (fuse, value) => {
    expect(config.electronFuses?.[fuse]).toBe(value)
  })

  it('names only fuses electron-builder knows', () => {
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties)
    expect(Object.keys(config.electronFuses ?? {}).filter((name) => !known.includes(name))).toEqual([])
  })

  it('packs the app into an ASAR (the fuses above need one) and ships the keychain worker inside it', () => {
    expect(config.asar ?? true).toBe(true)
    expect(config.files).toContain('out/**/*')
    expect(config.files).not.toContain('!out/main/keychain-worker.js')
  })
})
