import { z } from 'zod'
import type { Logger } from '../core/log'
import { FILE_POLICIES } from '../storage/file-policy'
import type { FileIssues } from '../storage/file-issues'
import { createStoredFile } from '../storage/stored-file'

/** Wrong passwords allowed before any wait. */
export const FREE_TRIES = 5
const FIRST_WAIT_MS = 30_000
const LONGEST_WAIT_MS = 60 * 60_000

/**
 * How long to wait after `failures` wrong passwords in a row: nothing for the
 * first four; from the fifth, 30 s, doubling with each further failure
 * (30 s, 1 min, 2 min … ) up to an hour. Slows a person trying passwords at
 * the desk; it is no defence against someone who copies the keychain item
 * and runs scrypt elsewhere — scrypt's cost is (password-slot.ts).
 */
export function waitAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES), LONGEST_WAIT_MS)
}

export const FailureRecord = z.object({ failures: z.number().int().nonnegative(), lastAt: z.number() }).strict()
export type FailureRecord = z.infer<typeof FailureRecord>

export interface Backoff {
  /** Loads the saved count (a restart does not reset it). */
  load(): Promise<void>
  failures(): number
  /** When the next try is allowed, ms since the epoch; null = now. */
  retryAt(): number | null
  fail(): Promise<void>
  succeed(): Promise<void>
}

export type BackoffDeps = Readonly<{ file: string; now: () => number; log: Logger; issues?: FileIssues }>

/**
 * Counts wrong app passwords in main, in `lock-failures.json`. Nothing is
 * ever wiped after any number of failures: a wrong password only waits. If
 * the file cannot be read, the count goes on from the largest seen in this
 * run, never from zero by accident of a damaged file.
 */
export function createBackoff(deps: BackoffDeps): Backoff {
  const file = createStoredFile({ path: deps.file, schema: FailureRecord, version: 1, policy: FILE_POLICIES.lockFailures, ...(deps.issues ? { issues: deps.issues } : {}) })
  let record: FailureRecord = { failures: 0, lastAt: 0 }

  const save = async () => {
    const saved = await file.save(record)
    if (!saved.ok) deps.log.error('could not save the wrong-password count', saved.error)
  }

  return {
    async load() {
      const loaded = await file.load()
      if (loaded.kind === 'loaded') {
        if (loaded.value) record = loaded.value
      } else {
        // Unreadable: assume the worst short of a lock-out, the count at which waits begin.
        deps.log.warn(`wrong-password count unreadable (${loaded.kind}); counting from ${FREE_TRIES}`)
        record = { failures: FREE_TRIES, lastAt: deps.now() }
      }
    },
    failures: () => record.failures,
    retryAt() {
      const wait = waitAfter(record.failures)
      if (wait === 0) return null
      // A clock set back makes the wait longer, never shorter.
      const at = record.lastAt + wait
      return deps.now() >= at ? null : at
    },
    async fail() {
      record = { failures: record.failures + 1, lastAt: deps.now() }
      await save()
    },
    async succeed() {
      if (record.failures === 0) return
      record = { failures: 0, lastAt: deps.now() }
      await save()
    },
  }
}
