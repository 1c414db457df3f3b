import type { StateCreator } from 'zustand'
import type { ChecklistItemChange, ChecklistView, Input, Reply, SellerRegion } from '../../contract'
import { unpackChecklist } from '../../../../shared/checklist-packing'
import { api } from '../../bridge/api'
import type { AppSlice } from '../../app/app-slice'

export type ChecklistSlice = {
  checklist: ChecklistView | null
  /** Asks main for the view (packed: definitions once); asked again while a load is out, one more load follows it. */
  loadChecklist(): Promise<void>
  /**
   * Main says the checklist changed (the event carries no view): the
   * Checklist screen, when it is the one open, loads it again; on any
   * other screen the old view is dropped, and the Checklist screen loads
   * the new one when it opens.
   */
  checklistChanged(): void
  /**
   * Ticks, unticks, dates or annotates one item (`accountId: null`: "This
   * computer"). Fields left out keep what main has, so a note alone keeps the
   * tick and its date.
   */
  changeChecklistItem(change: ChecklistItemChange): Promise<Reply<'checklist.setItem'>>
  setChecklistRegion(accountId: string, region: SellerRegion | null): Promise<void>
  exportChecklistReport(format: Input<'checklist.exportReport'>['format']): Promise<Reply<'checklist.exportReport'>>
  /** A damaged checklist file: use its previous version, or start fresh (the damaged file is kept either way). */
  recoverChecklist(use: Input<'checklist.recover'>['use']): Promise<Reply<'checklist.recover'>>
}

export const createChecklistSlice: StateCreator<ChecklistSlice & AppSlice, [], [], ChecklistSlice> = (set, get) => {
  // One load at a time, so a reply never replaces a newer one's. Asked for while one is out (a 1,000-entry
  // import sends a burst of changes), it runs once more after it, not once per ask.
  let out: Promise<void> | null = null
  let again = false
  function loadChecklist(): Promise<void> {
    if (out) {
      again = true
      return out
    }
    out = (async () => {
      do {
        again = false
        const reply = await api().checklist.get()
        if (reply.ok) set({ checklist: unpackChecklist(reply.value) })
        else set({ lastError: reply.error })
      } while (again)
    })().finally(() => {
      out = null
    })
    return out
  }
  return {
    checklist: null,
    loadChecklist,
    checklistChanged() {
      if (get().screen === 'checklist') void loadChecklist()
      // Elsewhere the view is dropped, not kept stale: the screen loads a fresh one when it opens, as it does the first time.
      else if (get().checklist !== null) set({ checklist: null })
    },
    async changeChecklistItem(change) {
      // A tick shows at once so the checkbox responds; main's reply (with dates and progress) then replaces it.
      const before = get().checklist
      if (before && change.done !== undefined) set({ checklist: withTick(before, change.accountId, change.itemId, change.done) })
      const reply = await api().checklist.setItem(change)
      if (reply.ok) set({ checklist: unpackChecklist(reply.value) })
      else set({ checklist: before, lastError: reply.error })
      return reply
    },
    async setChecklistRegion(accountId, region) {
      const reply = await api().checklist.setRegion({ accountId, region })
      if (reply.ok) set({ checklist: unpackChecklist(reply.value) })
      else set({ lastError: reply.error })
    },
    async exportChecklistReport(format) {
      const reply = await api().checklist.exportReport({ format })
      if (!reply.ok) set({ lastError: reply.error })
      return reply
    },
    async recoverChecklist(use) {
      const reply = await api().checklist.recover({ use })
      // Recovered: the fresh view replaces the stale one, and the error a refused save left is no longer true.
      if (reply.ok) set({ checklist: unpackChecklist(reply.value), lastError: null })
      else set({ lastError: reply.error })
      return reply
    },
  }
}

/** The view with one manual item ticked or unticked, before main confirms it. */
export function withTick(view: ChecklistView, accountId: string | null, itemId: string, done: boolean): ChecklistView {
  const ticked = <T extends ChecklistView['computer']['items'][number]>(item: T): T =>
    item.id === itemId && item.checkedBy === 'you' ? { ...item, status: done ? 'done' : 'todo' } : item
  if (accountId === null) return { ...view, computer: { ...view.computer, items: view.computer.items.map(ticked) } }
  return { ...view, accounts: view.accounts.map((account) => (account.accountId !== accountId ? account : { ...account, items: account.items.map(ticked) })) }
}
