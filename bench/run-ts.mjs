// Runs a TypeScript bench file with Vite's module runner (no build step):
//   node bench/run-ts.mjs bench/vault-bench.ts [args...]
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const file = process.argv[2]
if (!file) throw new Error('usage: node bench/run-ts.mjs <file.ts> [args...]')
process.argv.splice(2, 1)
await runnerImport(path.resolve(root, file), { configFile: false, logLevel: 'error', root })
