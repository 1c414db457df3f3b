#!/usr/bin/env node
// Electronegativity (Electron's security linter) over the app's sources:
// fails on any finding of MEDIUM severity or above. The CLI exits 0 with
// findings and its CSV output is malformed for multi-line samples, so this
// calls its runner directly and reads each issue's severity.
// It lives in tools/electronegativity with its own lockfile, away from the
// app's dependency tree (it pins old eslint/typescript versions).
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const toolDir = path.join(root, 'tools/electronegativity')
const runnerPath = path.join(toolDir, 'node_modules/@doyensec/electronegativity/dist/runner.js')
if (!existsSync(runnerPath)) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: toolDir, stdio: 'inherit' })
}
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version
const run = createRequire(import.meta.url)(runnerPath)

const result = await run({
  input: path.join(root, 'src'),
  isRelative: true,
  // Without it the tool asks the network for Electron's releases.
  electronVersionOverride: electronVersion,
  // This check downloads Electron's release list; there is no network here, and
  // the version is pinned in package.json, where upgrades are reviewed.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
})
const MEDIUM = 2
const rows = result.issues.map((i) => ({
  check: i.id,
  severity: i.severity.name,
  confidence: i.confidence.name,
  where: `${i.file}:${i.location.line}:${i.location.column}`,
  value: i.severity.value,
}))
for (const row of rows) console.log(`${row.severity.padEnd(13)} ${row.confidence.padEnd(9)} ${row.check.padEnd(32)} ${row.where}`)
const serious = rows.filter((r) => r.value >= MEDIUM)
console.log(`electronegativity: ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ${rows.length} findings, ${serious.length} at MEDIUM or above`)
if (result.errors?.length) console.log(`electronegativity: ${result.errors.length} files could not be parsed:`, result.errors.map((e) => e.file))
process.exit(serious.length > 0 || result.errors?.length ? 1 : 0)
