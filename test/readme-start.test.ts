import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '..')
const { readmeStartCommand } = createRequire(import.meta.url)('./helpers/web-mode.cjs') as { readmeStartCommand: () => string }
/** The one place allowed to know the built server's file: it finds the server's pid among npm's processes. */
const ALLOWED = new Set(['test/helpers/web-mode.cjs', 'test/readme-start.test.ts'])

/**
 * A line that names the built server in code, to start it: comments that
 * name it, and a check that the build is there (existsSync), do not start it.
 */
function startsServer(line: string): boolean {
  const code = line.trim()
  if (/^(\/\/|\/?\*)/.test(code)) return false
  return code.includes('main/web.js') && !/\bexistsSync\(/.test(code)
}

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
      .filter((file) => readFileSync(path.join(ROOT, file), 'utf8').split('\n').some(startsServer))
    expect(offenders, 'start web mode with test/helpers/web-mode.cjs (the step npm run web starts the server with), as the README does').toEqual([])
  })

  it('tells a start of the built server from a mention of it', () => {
    expect(startsServer("  const child = spawn(process.execPath, [path.join(ROOT, 'out/main/web.js')], { env })")).toBe(true)
    expect(startsServer("execSync('node out/main/web.js &')")).toBe(true)
    expect(startsServer(' * `npm run web:start`, the built out/main/web.js: the same services')).toBe(false)
    expect(startsServer('// not out/main/web.js directly')).toBe(false)
    expect(startsServer("expect(existsSync(path.join(ROOT, 'out/main/web.js')), 'out/main/web.js is missing: run npm run build').toBe(true)")).toBe(false)
  })

  it('npm run web builds, then starts the server itself with the command line web:start runs (no second npm before it)', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(scripts.web).toBe(`electron-vite build && ${scripts['web:start']}`)
    expect(readmeStartCommand()).toBe(scripts['web:start'])
    expect(readmeStartCommand()).toMatch(/^node .*out\/main\/web\.js$/)
  })
})
