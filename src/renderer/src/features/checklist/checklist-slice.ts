import type { StateCreator } from 'zustand'
import type { ChecklistItemChange, ChecklistView, Input, PackedChecklistView, Reply, SellerRegion } from '../../contract'
import { unpackChecklist } from '../../../../shared/checklist-packing'
import { api } from '../../bridge/api'
import type { AppSlice } from '../../app/app-slice'

export type ChecklistSlice = {
  checklist: ChecklistView | null
  loadChecklist(): Promise<void>
  /** A view as main sends it (packed: definitions once). */
  receiveChecklist(view: PackedChecklistView): void
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

export const createChecklistSlice: StateCreator<ChecklistSlice & AppSlice, [], [], ChecklistSlice> = (set, get) => ({
  checklist: null,
  async loadChecklist() {
    const reply = await api().checklist.get()
    if (reply.ok) set({ checklist: unpackChecklist(reply.value) })
    else set({ lastError: reply.error })
  },
  receiveChecklist: (packed) => set({ checklist: unpackChecklist(packed) }),
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
})

/** The view with one manual item ticked or unticked, before main confirms it. */
export function withTick(view: ChecklistView, accountId: string | null, itemId: string, done: boolean): ChecklistView {
  const ticked = <T extends ChecklistView['computer']['items'][number]>(item: T): T =>
    item.id === itemId && item.checkedBy === 'you' ? { ...item, status: done ? 'done' : 'todo' } : item
  if (accountId === null) return { ...view, computer: { ...view.computer, items: view.computer.items.map(ticked) } }
  return { ...view, accounts: view.accounts.map((account) => (account.accountId !== accountId ? account : { ...account, items: account.items.map(ticked) })) }
}
