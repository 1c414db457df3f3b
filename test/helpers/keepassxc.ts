import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/*
 * KeePassXC's own code for an entry at a fixed time: `keepassxc-cli show -t`
 * (Debian package keepassxc) run under libfaketime (package faketime), so a
 * test compares the codes of imported KeePass entries with KeePassXC's.
 */

export const KEEPASSXC_CLI = '/usr/bin/keepassxc-cli'
const FAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1'

/** Why KeePassXC's codes cannot be had here, or null. */
export function keepassxcMissing(): string | null {
  if (!existsSync(KEEPASSXC_CLI)) return `${KEEPASSXC_CLI} not found (apt-get install keepassxc)`
  if (!existsSync(FAKETIME)) return `${FAKETIME} not found (apt-get install faketime)`
  return null
}

/** The TOTP KeePassXC shows for `entry` at `at` (ISO time, UTC). */
export function keepassxcCode(file: string, entry: string, at: string, password: string, keyFile?: string): string {
  const time = at.replace('T', ' ').replace(/Z$/, '')
  const args = ['show', '-q', '-t', ...(keyFile ? ['-k', keyFile] : []), file, entry]
  return execFileSync(KEEPASSXC_CLI, args, { input: `${password}\n`, encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LD_PRELOAD: FAKETIME, FAKETIME: `@${time}` } }).trim()
}
