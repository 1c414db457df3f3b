// Runs crash-child.ts straight from source with Vite's module runner (no
// bundle): `node test/reliability/crash-runner.mjs <data-dir>`. Slower to
// start (~1 s) than the bundle crash-safety.test.ts builds; selected with
// CRASH_LOADER=runner.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
await runnerImport(path.join(root, 'test/reliability/crash-child.ts'), { configFile: false, logLevel: 'error', root })
