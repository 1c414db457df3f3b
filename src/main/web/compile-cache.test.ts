import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtEntry } from '../../../test/helpers/built-entry'
import type { CompileCacheStats } from './compile-cache'
import { defaultCacheDir } from './paths'

const root = mkdtempSync(path.join(os.tmpdir(), 'sg-compile-cache-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
let built = ''
beforeAll(async () => {
  built = await builtEntry('src/main/web/compile-cache.ts', 'compile-cache', [])
}, 60_000)

type Run = Readonly<{ stats: CompileCacheStats; value: unknown; stack: string }>

/**
 * A fresh Node process that installs the cache for files under `code`,
 * requires `code/module.cjs` and reports what it exported, the stack of an
 * error thrown inside it, and the cache's figures at exit (after it wrote).
 */
function run(cacheDir: string, code: string): Run {
  const driver = `
    const { installCompileCache } = require(${JSON.stringify(built)})
    const path = require('node:path')
    const cache = installCompileCache({ dir: ${JSON.stringify(cacheDir)}, include: (f) => f.startsWith(${JSON.stringify(code + path.sep)}), writeAfterMs: 60000 })
    const m = require(${JSON.stringify(path.join(code, 'module.cjs'))})
    let stack = ''
    try { m.fail() } catch (e) { stack = e.stack }
    process.on('exit', () => process.stdout.write(JSON.stringify({ stats: cache.stats(), value: m.value(), stack })))
  `
  return JSON.parse(execFileSync(process.execPath, ['-e', driver], { encoding: 'utf8' })) as Run
}

function moduleFolder(source: string): string {
  const dir = mkdtempSync(path.join(root, 'code-'))
  writeFileSync(path.join(dir, 'module.cjs'), source)
  writeFileSync(path.join(dir, 'helper.cjs'), "'use strict'\nexports.twice = (n) => n * 2\n")
  return dir
}

const source = (n: number): string =>
  `'use strict'\nconst { twice } = require('./helper.cjs')\nexports.value = () => ({ n: twice(${n}), strict: (function () { return this === undefined })(), file: __filename.endsWith('module.cjs') })\nexports.fail = () => { throw new Error('inside') }\n`

describe('V8 code cache for web mode’s built files', () => {
  it('compiles a file once; the next start runs it from the cache, with the same behaviour', () => {
    const cacheDir = path.join(root, 'cache-1')
    const code = moduleFolder(source(21))
    const first = run(cacheDir, code)
    expect(first.stats).toMatchObject({ off: null, hits: 0, misses: 2, rejected: 0, written: 2 })
    const second = run(cacheDir, code)
    expect(second.stats).toMatchObject({ off: null, hits: 2, misses: 0, rejected: 0, written: 0 })
    for (const { value, stack } of [first, second]) {
      // Strict mode, require, __filename: the module runs as Node would run it.
      expect(value).toEqual({ n: 42, strict: true, file: true })
      expect(stack).toContain(path.join(code, 'module.cjs'))
    }
    // Each file: one cache file, readable by this user only.
    const files = readdirSync(cacheDir)
    expect(files).toHaveLength(2)
    for (const file of files) expect(statSync(path.join(cacheDir, file)).mode & 0o777).toBe(0o600)
  })

  it('never runs the cache of older source: a changed file is compiled afresh and its cache replaced', () => {
    const cacheDir = path.join(root, 'cache-2')
    const code = moduleFolder(source(1))
    run(cacheDir, code)
    writeFileSync(path.join(code, 'module.cjs'), source(2))
    const changed = run(cacheDir, code)
    expect(changed.value).toMatchObject({ n: 4 })
    expect(changed.stats).toMatchObject({ hits: 1, misses: 1, written: 1 })
    expect(readdirSync(cacheDir)).toHaveLength(2)
    expect(run(cacheDir, code).stats).toMatchObject({ hits: 2, misses: 0 })
  })

  it('compiles normally over a damaged cache file, and writes a good one', () => {
    const cacheDir = path.join(root, 'cache-3')
    const code = moduleFolder(source(5))
    run(cacheDir, code)
    const files = readdirSync(cacheDir)
    // The header (the source's hash) intact, the cached code cut short; and a file of random bytes.
    const [first, second] = files.map((f) => path.join(cacheDir, f))
    writeFileSync(first!, readFileSync(first!).subarray(0, 40))
    writeFileSync(second!, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)))
    const damaged = run(cacheDir, code)
    expect(damaged.value).toMatchObject({ n: 10 })
    expect(damaged.stats.hits).toBe(0)
    expect(damaged.stats.written).toBe(2)
    expect(run(cacheDir, code).stats).toMatchObject({ hits: 2 })
  })

  it('does not use a folder other users can write to, and still runs the code', () => {
    const cacheDir = path.join(root, 'cache-4')
    mkdirSync(cacheDir)
    chmodSync(cacheDir, 0o777)
    const code = moduleFolder(source(3))
    const result = run(cacheDir, code)
    expect(result.stats.off).toMatch(/can be written by other users/)
    expect(result.value).toMatchObject({ n: 6 })
    expect(readdirSync(cacheDir)).toEqual([])
  })

  it('does not use a cache file other users can write to', () => {
    const cacheDir = path.join(root, 'cache-5')
    const code = moduleFolder(source(8))
    run(cacheDir, code)
    for (const file of readdirSync(cacheDir)) chmodSync(path.join(cacheDir, file), 0o666)
    const result = run(cacheDir, code)
    expect(result.stats).toMatchObject({ hits: 0, misses: 2 })
    expect(result.value).toMatchObject({ n: 16 })
  })

  it('runs the code when the folder cannot be made', () => {
    const blocker = path.join(root, 'a-file')
    writeFileSync(blocker, '')
    const code = moduleFolder(source(4))
    const result = run(path.join(blocker, 'cache'), code)
    expect(result.stats.off).toMatch(/cannot be used/)
    expect(result.value).toMatchObject({ n: 8 })
  })

  it('leaves files it was not asked to cache to Node', () => {
    const cacheDir = path.join(root, 'cache-6')
    const code = moduleFolder(source(6))
    const other = moduleFolder(source(7))
    const driver = `
      const { installCompileCache } = require(${JSON.stringify(built)})
      const cache = installCompileCache({ dir: ${JSON.stringify(cacheDir)}, include: (f) => f.startsWith(${JSON.stringify(code + path.sep)}) })
      require(${JSON.stringify(path.join(other, 'module.cjs'))})
      process.stdout.write(JSON.stringify(cache.stats()))
    `
    expect(JSON.parse(execFileSync(process.execPath, ['-e', driver], { encoding: 'utf8' }))).toMatchObject({ hits: 0, misses: 0 })
  })
})

describe('the cache folder', () => {
  it('is the OS’s per-user cache folder', () => {
    expect(defaultCacheDir('linux', {}, '/home/u')).toBe('/home/u/.cache/SellerGuard')
    expect(defaultCacheDir('linux', { XDG_CACHE_HOME: '/x/cache' }, '/home/u')).toBe('/x/cache/SellerGuard')
    expect(defaultCacheDir('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Caches/SellerGuard')
    expect(defaultCacheDir('win32', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'C:\\Users\\u')).toBe(path.join('C:\\Users\\u\\AppData\\Local', 'SellerGuard', 'Cache'))
  })
})
