// @ts-check
/**
 * Transfer benchmark: what a user waits for when backing up, restoring,
 * importing and exporting. scrypt at several costs (to justify the backup's
 * default), a backup round trip at the default, an Aegis export + import, and
 * importFile on each shared interop fixture that is present. Prints one JSON
 * document on stdout; progress on stderr.
 *
 *   node bench/transfer-bench.mjs [--rounds 3]
 *
 * Plain Node ESM: the TypeScript sources are loaded with Vite's module
 * runner (`runnerImport`, as bench/clock-bench.mjs does), so no build step.
 */
import { scrypt } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs, promisify } from 'node:util'
import { runnerImport } from 'vite'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } })
const rounds = Math.max(1, Number(args.rounds))
const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`)

/** @param {string} file */
async function load(file) {
  const { module } = await runnerImport(path.join(root, file), { configFile: false, logLevel: 'error', root })
  return module
}

/** Median wall time of `rounds` runs, in ms. @param {() => Promise<unknown>} run */
async function time(run) {
  const samples = []
  for (let i = 0; i < rounds; i++) {
    const started = performance.now()
    await run()
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  return Math.round((samples[Math.floor(samples.length / 2)] ?? 0) * 10) / 10
}

const derive = promisify(scrypt)
const scryptMs = {}
for (const log2N of [14, 15, 16, 17, 18]) {
  const N = 2 ** log2N
  log(`scrypt N=2^${log2N} r=8 p=1`)
  scryptMs[`N=2^${log2N},r=8,p=1,${(128 * N * 8) / 2 ** 20}MiB`] = await time(() => derive('correct horse', Buffer.alloc(32, 1), 32, { N, r: 8, p: 1, maxmem: 128 * N * 8 + 2 ** 24 }))
}

const backup = await load('src/main/transfer/backup.ts')
const aegisExport = await load('src/main/transfer/aegis-export.ts')
const detect = await load('src/main/transfer/detect.ts')

const accounts = Array.from({ length: 100 }, (_, i) => ({
  id: `bench_account_${String(i).padStart(4, '0')}`,
  type: 'totp',
  issuer: `Service ${i}`,
  label: `seller${i}@example.com`,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  secret: 'L4VJYQPAPM6YRJWC6AMU46YR2OUMAX3OSK2NODB6D6FCW3E5BZDV',
  group: '',
  kind: 'seller-central',
  order: i,
  createdAt: 0,
}))
log('backup round trip (default parameters)')
/** @type {string} */
let backupText = ''
const backupEncryptMs = await time(async () => {
  const result = await backup.encryptBackup({ accounts }, 'correct horse')
  if (!result.ok) throw new Error(result.error.message)
  backupText = result.value
})
const backupDecryptMs = await time(async () => {
  const result = await backup.decryptBackup(backupText, 'correct horse')
  if (!result.ok) throw new Error(result.error.message)
})

log('Aegis export + import (100 accounts)')
const imported = accounts.map(({ id: _id, kind: _kind, order: _order, createdAt: _createdAt, group: _group, ...account }) => account)
/** @type {string} */
let vault = ''
const aegisExportMs = await time(async () => {
  const result = await aegisExport.exportAegisVault(imported, { password: 'correct horse' })
  if (!result.ok) throw new Error(result.error.message)
  vault = result.value
})
const aegisImportMs = await time(async () => {
  const result = await detect.importFile(vault, { password: 'correct horse' })
  if (!result.ok) throw new Error(result.error.message)
})

const fixtures = path.resolve(root, '../shared/fixtures/interop')
const fixtureMs = {}
for (const file of ['aegis/plain.txt', 'aegis/aegis_plain.json', 'aegis/aegis_encrypted.json', 'aegis/2fas_authenticator_encrypted.2fas', 'aegis/bitwarden.json', 'google-migration/example_export.txt']) {
  const full = path.join(fixtures, file)
  if (!existsSync(full)) continue
  const bytes = new Uint8Array(readFileSync(full))
  fixtureMs[file] = await time(() => detect.importFile(bytes, { password: 'test' }))
}

process.stdout.write(
  `${JSON.stringify({ node: process.version, rounds, scryptMs, backup: { accounts: accounts.length, bytes: backupText.length, encryptMs: backupEncryptMs, decryptMs: backupDecryptMs }, aegis: { accounts: accounts.length, exportMs: aegisExportMs, importMs: aegisImportMs }, importFileMs: fixtureMs }, null, 2)}\n`,
)
