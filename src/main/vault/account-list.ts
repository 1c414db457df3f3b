import { apiError, type AccountSummary, type ApiError } from '../../shared/contract'
import type { Logger } from '../core/log'
import type { AccountStore } from './account-store'

/** Why the account list cannot be used, in words for the UI, and whether its previous version can stand in. */
export type ListProblem = Readonly<{ message: string; backupAvailable: boolean }>

export interface AccountList {
  /** In display order. */
  all(): readonly AccountSummary[]
  get(id: string): AccountSummary | undefined
  has(id: string): boolean
  /** The next free place at the end of the list. */
  nextOrder(): number
  /** Reads the file; on a problem the list is empty and nothing can be saved until it is resolved. */
  load(): Promise<ListProblem | null>
  /** Replaces the list: saved first, kept in memory only if that worked. */
  save(next: AccountSummary[]): Promise<ApiError | null>
  restoreBackup(now: number): Promise<boolean>
}

export const byOrder = (a: AccountSummary, b: AccountSummary) => a.order - b.order || a.createdAt - b.createdAt

/** The account metadata in memory, with its file behind it. */
export function createAccountList(store: AccountStore, log: Logger): AccountList {
  let list: AccountSummary[] = []
  // Looked up for every code frame: an index, so 1,000 accounts cost 1,000 lookups, not a million.
  let byId = new Map<string, AccountSummary>()
  const set = (next: AccountSummary[]) => {
    list = next
    byId = new Map(next.map((a) => [a.id, a]))
  }

  return {
    all: () => list,
    get: (id) => byId.get(id),
    has: (id) => byId.has(id),
    nextOrder: () => list.reduce((max, a) => Math.max(max, a.order), -1) + 1,
    async load() {
      const loaded = await store.load()
      if (loaded.ok) {
        set(loaded.value.sort(byOrder))
        return null
      }
      const p = loaded.error
      log.error('account list unreadable', p)
      set([])
      const message =
        p.kind === 'too-new'
          ? 'it was written by a newer version of SellerGuard; update SellerGuard to use it.'
          : p.kind === 'damaged'
            ? `the file ${p.path} is damaged (${p.reason}).`
            : `the file ${p.path} could not be read (${p.reason}).`
      return { message, backupAvailable: p.backup === 'usable' }
    },
    async save(next) {
      const saved = await store.save(next)
      if (!saved.ok) {
        log.error('could not save the account list', saved.error)
        return apiError('io', 'Could not save the account list to disk. Nothing was changed.')
      }
      set(next)
      return null
    },
    async restoreBackup(now) {
      const restored = await store.restoreBackup(now)
      if (!restored.ok) log.error('could not restore the account list backup', restored.error)
      return restored.ok
    },
  }
}
