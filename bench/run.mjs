#!/usr/bin/env node
// `npm run bench`: every benchmark, each in its own process, results as JSON
// in bench/results/<name>.json, then docs/QUALITY.md regenerated from them.
// Expects the build (npm run build) and a keyring session (scripts/with-keyring.sh),
// which `npm run bench` provides. Not a test: nothing here asserts a timing.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const results = path.join(root, 'bench/results')
mkdirSync(results, { recursive: true })
const only = process.argv.slice(2)

/** Runs a command, returning its stdout parsed as JSON (progress goes to stderr). */
function runJson(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (c) => (out += c))
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))
      try {
        resolve(JSON.parse(out.slice(out.indexOf('{'))))
      } catch (e) {
        reject(new Error(`${args.join(' ')} printed no JSON: ${e}`))
      }
    })
  })
}

const save = (name, data, command) => {
  const doc = { name, command, measuredAt: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version }, data }
  writeFileSync(path.join(results, `${name}.json`), `${JSON.stringify(doc, null, 2)}\n`)
  process.stderr.write(`bench: ${name} done\n`)
}
/** The Node options web mode runs with (package.json's `web:start`): the services the import bench drives run under them too. */
const webModeFlags = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
  .scripts['web:start'].split(/\s+/)
  .filter((word) => word.startsWith('--'))
const want = (name) => only.length === 0 || only.includes(name)

if (want('vault') || want('renderer')) {
  const keep = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-ui-'))
  const vault = await runJson(process.execPath, ['bench/run-ts.mjs', 'bench/vault-bench.ts', '--keep', keep])
  save('vault', vault, 'npm run bench -- vault')
  if (want('renderer')) {
    const renderer = await runJson(process.execPath, ['bench/renderer-bench.mjs', '--data-dir', keep, '--service', vault.n1000.keychainService, '--idle-seconds', '30'])
    save('renderer', renderer, 'npm run bench -- renderer')
  }
}
if (want('startup')) save('startup', await runJson(process.execPath, ['bench/run-ts.mjs', 'bench/startup-bench.ts', '--rounds', '9']), 'npm run bench -- startup')
if (want('codes')) save('codes', await runJson(process.execPath, ['bench/run-ts.mjs', 'bench/codes-bench.ts']), 'npm run bench -- codes')
if (want('clock')) save('clock', await runJson(process.execPath, ['bench/clock-bench.mjs', '--rounds', '20', '--chronyd-runs', '2']), 'npm run bench -- clock')
if (want('backup')) save('backup', await runJson(process.execPath, ['bench/run-ts.mjs', 'bench/backup-bench.ts']), 'npm run bench -- backup')
if (want('lock')) save('lock', await runJson(process.execPath, ['bench/run-ts.mjs', 'bench/lock-bench.ts']), 'npm run bench -- lock')
if (want('import')) save('import', await runJson(process.execPath, [...webModeFlags, 'bench/run-ts.mjs', 'bench/import-bench.ts']), 'npm run bench -- import')
if (want('import-ui')) save('import-ui', await runJson(process.execPath, ['bench/run-ts.mjs', 'bench/import-ui-bench.ts']), 'npm run bench -- import-ui')
if (want('transfer')) save('transfer', await runJson(process.execPath, ['bench/transfer-bench.mjs', '--rounds', '3']), 'npm run bench -- transfer')

await runJson(process.execPath, ['scripts/quality-report.mjs', '--json'])
process.stderr.write('bench: docs/QUALITY.md updated\n')
