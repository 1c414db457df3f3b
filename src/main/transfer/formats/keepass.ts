import { err, ok, type Result } from '../../../shared/result'
import { inThreadWork } from '../crypto-work'
import { collectEntries, skippedWarning } from '../entries'
import { displayName } from '../json-read'
import type { ImportError, ImportOptions, ImportResult } from '../types'
import type { KdbxEntry } from '../worker/protocol'
import { totpOfEntry } from './keepass-totp'

/*
 * KeePass and KeePassXC databases (.kdbx, versions 3.1 and 4). The file is
 * opened on the transfer worker (worker/kdbx-open.ts: kdbxweb 2.1.1 +
 * hash-wasm), with a password, a key file, or both; its key derivation is
 * the file's own, with progress from a measured estimate. Each entry with a
 * one-time code (keepass-totp.ts) becomes an account named by its title and
 * user name, in a group named by its folder path; entries without one
 * (ordinary passwords) and entries in the recycle bin are left out and counted.
 */

/** KeePass 2.x file signatures (KeePassXC src/format/KeePass2.h SIGNATURE_1, SIGNATURE_2). */
export function looksLikeKdbx(bytes: Uint8Array): boolean {
  const sig = [0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5]
  return bytes.length >= 12 && sig.every((byte, i) => bytes[i] === byte)
}

export async function importKeepass(bytes: Uint8Array, options: ImportOptions): Promise<Result<ImportResult, ImportError>> {
  if (!options.password && !options.keyFile) {
    return err({ kind: 'password-required', format: 'keepass', message: 'This is a KeePass database. Enter its master password, and choose its key file if it has one.' })
  }
  const work = options.work ?? inThreadWork
  const outcome = await work.run(
    { kind: 'kdbx', file: bytes, password: options.password ? options.password : null, keyFile: options.keyFile ?? null },
    { ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.signal ? { signal: options.signal } : {}) },
  )
  if (!outcome.ok) {
    switch (outcome.kind) {
      case 'wrong-key':
        return err({ kind: 'wrong-password', format: 'keepass', message: outcome.message })
      case 'damaged':
        return err({ kind: 'bad-file', format: 'keepass', message: outcome.message })
      case 'unsupported':
      case 'too-costly':
        return err({ kind: 'unsupported-encryption', format: 'keepass', message: outcome.message })
    }
  }
  return ok(accountsOf(outcome.entries))
}

function accountsOf(entries: readonly KdbxEntry[]): ImportResult {
  const live = entries.filter((entry) => !entry.recycled)
  const recycled = entries.length - live.length
  let withoutCode = 0
  const result = collectEntries('keepass', live, (_, index) => {
    const entry = live[index]!
    const account = totpOfEntry(entry)
    if (account === null) {
      withoutCode++
      return null
    }
    return { name: displayName(entry.title, entry.username), account }
  })
  return { ...result, warnings: [...skippedWarning(withoutCode, 'without a one-time code'), ...skippedWarning(recycled, 'in the recycle bin')] }
}
