// @ts-check
/**
 * Prints one of the README's two commands for a fresh machine, exactly as
 * written there, so CI runs what a new user reads:
 *   node scripts/readme-command.mjs run    the set-up-and-run command
 *   node scripts/readme-command.mjs test   the test command
 * Each is the first ```sh block after a `<!-- readme-command: NAME -->`
 * marker in README.md; a missing marker or block is an error, not a guess.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const name = process.argv[2]
if (name !== 'run' && name !== 'test') {
  console.error('usage: node scripts/readme-command.mjs run|test')
  process.exit(2)
}
const readme = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../README.md'), 'utf8')
const marker = `<!-- readme-command: ${name} -->`
const at = readme.indexOf(marker)
const block = at < 0 ? null : /```sh\n([\s\S]*?)\n```/.exec(readme.slice(at + marker.length))
const command = block?.[1]?.trim()
if (!command || command.includes('\n')) {
  console.error(`README.md: no one-line \`\`\`sh block after ${marker}`)
  process.exit(1)
}
process.stdout.write(`${command}\n`)
