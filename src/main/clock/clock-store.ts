import { z } from 'zod'
import { ClockHistoryEntry, ClockMeasurement } from '../../shared/contract'
import type { Logger } from '../core/log'
import type { FileIssues } from '../storage/file-issues'
import { FILE_POLICIES } from '../storage/file-policy'
import { createStoredFile } from '../storage/stored-file'
import type { PersistedClock } from './monitor'

const PersistedClockSchema = z.object({ measurement: ClockMeasurement.nullable(), history: z.array(ClockHistoryEntry) })

export interface ClockStore {
  /** The last run's verdict and history; null on a first run or when the file is unreadable (the clock is then simply checked again). */
  load(): Promise<PersistedClock | null>
  save(state: PersistedClock): void
  /** No save after this (a check still running when the app stops would write into a folder being closed); resolves once the saves under way are on disk. */
  close(): Promise<void>
}

/**
 * `clock.json`: the last trusted measurement and a bounded history, so a
 * restart shows and applies the last verdict at once, with its age. A
 * damaged file is never a reason to stop: the clock is checked afresh, and
 * the file is kept (saves wait) until the user chose.
 */
export function createClockStore(path: string, log: Logger, issues?: FileIssues): ClockStore {
  let closed = false
  const pending = new Set<Promise<void>>()
  const file = createStoredFile({ path, schema: PersistedClockSchema, version: 1, policy: FILE_POLICIES.clockHistory, ...(issues ? { issues } : {}) })
  return {
    async load() {
      const loaded = await file.load()
      if (loaded.kind === 'loaded') return loaded.value
      log.warn(`clock history unreadable, checking afresh: ${JSON.stringify(loaded)}`)
      return null
    },
    save(state) {
      if (closed) return
      const saving = file.save({ measurement: state.measurement, history: [...state.history] }).then((saved) => {
        if (!saved.ok && saved.error.kind !== 'blocked') log.warn(`could not save the clock history: ${JSON.stringify(saved.error)}`)
      })
      pending.add(saving)
      void saving.finally(() => pending.delete(saving))
    },
    async close() {
      closed = true
      await Promise.all([...pending])
    },
  }
}
