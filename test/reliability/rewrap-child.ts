/**
 * The child process of rewrap-crash.test.ts: opens the app lock over a
 * keychain service the way the app starts (finishing whatever a previous
 * child left half done), then changes the protection of every item over and
 * over — on, new password, new password again, off, on … — until it is
 * killed. Prints `ready <state>` once it is open, `done <change>` after
 * each change it was told succeeded, and `wrote <id>` after each item the
 * keychain took (so the test can kill it between two items of one change).
 *
 * keytar runs in this process: a kill lands between the keychain calls
 * the app would make, and the Secret Service applies each whole or not at all.
 * Usage: SELLERGUARD_REWRAP_CHILD=1 <node> <entry> <data-dir> <service>
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { createMemoryLogger } from '../../src/main/core/log'
import { LOCK_RECORD_ID, parseRecord } from '../../src/main/lock/lock-record'
import { createAppLock } from '../../src/main/lock/lock-service'
import { openSlot } from '../../src/main/lock/password-slot'
import { createKeytarSecretStore } from '../helpers/keytar-store'
import type { SecretStore } from '../../src/main/vault/secret-store'

/** Accounts: enough that a change takes a few hundred ms, so kills land in the middle of it. */
export const ITEM_COUNT = 20
/** The two app passwords the children alternate between. */
export const PASSWORDS = ['pw-alpha-crash', 'pw-bravo-crash'] as const
/** scrypt at the least backups accept: each start and change runs it, and the test runs many. */
export const CHILD_COST = { kdf: { N: 2 ** 14, r: 8, p: 1 }, minimum: { N: 2 ** 14, r: 8, p: 1 } } as const

/** Account `i`'s id and its secret, the same in every child and in the test. */
export function item(i: number): Readonly<{ id: string; secret: string }> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  const digest = createHash('sha256').update(`rewrap-crash-${i}`).digest()
  return { id: `acc_rewrap_${String(i).padStart(2, '0')}`, secret: [...digest].slice(0, 32).map((b) => alphabet[b % 32]).join('') }
}

const say = (line: string) => process.stdout.write(`${line}\n`)

export async function run(dir: string, service: string): Promise<never> {
  const keychain = createKeytarSecretStore(service)
  const raw: SecretStore = {
    ...keychain,
    set: async (id, secret) => {
      await keychain.set(id, secret)
      say(`wrote ${id}`)
    },
  }
  const lock = createAppLock({ raw, log: createMemoryLogger(), now: Date.now, failuresFile: path.join(dir, 'lock-failures.json'), cost: CHILD_COST })
  await lock.start()
  let password: string | null = null as string | null
  if (!(await lock.beforeSecrets())) {
    for (const candidate of PASSWORDS) {
      const opened = await lock.unlock(candidate)
      if (opened.ok) {
        password = candidate
        break
      }
    }
    if (password === null) fail('unlock', lock.status())
    // Unlocking finished a change a kill cut short: the new password is the one now, whichever opened it.
    const record = parseRecord(await raw.get(LOCK_RECORD_ID))
    if (record.kind !== 'record' || record.record.slots.length !== 1) fail('record after unlock', record)
    password = null
    for (const candidate of PASSWORDS) if (await openSlot(record.record.slots[0]!, candidate, CHILD_COST)) password = candidate
    if (password === null) fail('password after unlock', record)
  }
  say(`ready ${lock.status().state}`)
  for (let round = 0; ; round++) {
    const next: string = PASSWORDS[round % 2]!
    if (password === null) {
      const enabled = await lock.enable(next)
      if (!enabled.ok) fail('enable', enabled.error)
      password = next
      say('done enable')
    } else if (round % 3 === 2) {
      const disabled = await lock.disable(password)
      if (!disabled.ok) fail('disable', disabled.error)
      password = null
      say('done disable')
    } else {
      const other = PASSWORDS.find((p) => p !== password)!
      const changed = await lock.changePassword(password, other)
      if (!changed.ok) fail('change', changed.error)
      password = other
      say('done change')
    }
    if (lock.status().unfinished) fail('finish', lock.status())
  }
}

function fail(what: string, detail: unknown): never {
  say(`failed ${what} ${JSON.stringify(detail)}`)
  process.exit(3)
}

const [dir, service] = process.argv.slice(2)
if (dir && service && process.env.SELLERGUARD_REWRAP_CHILD === '1') void run(dir, service)
