import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '..')
/** The one place allowed to know the built server's file: it finds the server's pid among npm's processes. */
const ALLOWED = new Set(['test/helpers/web-mode.cjs', 'test/readme-start.test.ts'])

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.posix.join(dir, name)
    if (name === 'node_modules' || name === 'results' || name.startsWith('.')) return []
    return statSync(path.join(ROOT, rel)).isDirectory() ? filesUnder(rel) : [rel]
  })
}

describe('tests, benches and CI start web mode as the README does', () => {
  it('no file outside the README-way helper starts out/main/web.js itself', () => {
    const offenders = ['test', 'e2e', 'bench', 'scripts', '.ci']
      .flatMap(filesUnder)
      .filter((file) => !ALLOWED.has(file) && /\.(c|m)?[jt]sx?$|^\.ci\//.test(file))
      .filter((file) => readFileSync(path.join(ROOT, file), 'utf8').includes('main/web.js'))
    expect(offenders, 'start web mode with test/helpers/web-mode.cjs (npm run web:start), as the README does').toEqual([])
  })
})
