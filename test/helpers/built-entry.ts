import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { build } from 'vite'

const ROOT = path.resolve(__dirname, '../..')
const builds = new Map<string, Promise<string>>()

/**
 * A main-process entry built from the current source as electron-vite builds
 * it into out/main/<name>.js (CommonJS, the package's libraries left
 * external), so a test never runs a stale build. Once per test file and entry.
 * `define`: the build-time constants electron-vite's config sets (`__APP_VERSION__`).
 */
export function builtEntry(source: string, name: string, external: readonly string[], define: Readonly<Record<string, string>> = {}): Promise<string> {
  const known = builds.get(name)
  if (known) return known
  const made = (async () => {
    // Inside the project, so the entry resolves its libraries from node_modules as the built one does.
    const parent = path.join(ROOT, '.tmp')
    mkdirSync(parent, { recursive: true })
    // Test processes that were killed leave their builds behind: clear those over an hour old.
    for (const old of readdirSync(parent).filter((n) => n.startsWith(`${name}-`))) {
      const dir = path.join(parent, old)
      if (Date.now() - statSync(dir).mtimeMs > 3_600_000) rmSync(dir, { recursive: true, force: true })
    }
    const outDir = mkdtempSync(path.join(parent, `${name}-`))
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }))
    await build({
      configFile: false,
      logLevel: 'silent',
      define: { ...define },
      build: { ssr: path.join(ROOT, source), outDir, emptyOutDir: false, minify: false, rollupOptions: { external: [...external], output: { format: 'cjs', entryFileNames: `${name}.js`, dynamicImportInCjs: false } } },
    })
    return path.join(outDir, `${name}.js`)
  })()
  builds.set(name, made)
  return made
}
