import type { StateCreator } from 'zustand'
import type { ChecklistView, Input, Reply, SellerRegion } from '../../contract'
import { api } from '../../bridge/api'
import type { AppSlice } from '../../app/app-slice'

export type ChecklistSlice = {
  checklist: ChecklistView | null
  loadChecklist(): Promise<void>
  receiveChecklist(view: ChecklistView): void
  tickItem(accountId: string, itemId: string, done: boolean, note?: string): Promise<void>
  setChecklistRegion(accountId: string, region: SellerRegion | null): Promise<void>
  exportChecklistReport(format: Input<'checklist.exportReport'>['format']): Promise<Reply<'checklist.exportReport'>>
  /** Replaces a damaged checklist file with its previous version. */
  recoverChecklist(): Promise<Reply<'checklist.recover'>>
}

export const createChecklistSlice: StateCreator<ChecklistSlice & AppSlice, [], [], ChecklistSlice> = (set, get) => ({
  checklist: null,
  async loadChecklist() {
    const reply = await api().checklist.get()
    if (reply.ok) set({ checklist: reply.value })
    else set({ lastError: reply.error })
  },
  receiveChecklist: (checklist) => set({ checklist }),
  async tickItem(accountId, itemId, done, note) {
    // Shown at once so the checkbox responds; main's reply (with dates and progress) then replaces it.
    const before = get().checklist
    if (before) set({ checklist: withTick(before, accountId, itemId, done, note) })
    const reply = await api().checklist.setItem({ accountId, itemId, done, ...(note !== undefined ? { note } : {}) })
    if (reply.ok) set({ checklist: reply.value })
    else set({ checklist: before, lastError: reply.error })
  },
  async setChecklistRegion(accountId, region) {
    const reply = await api().checklist.setRegion({ accountId, region })
    if (reply.ok) set({ checklist: reply.value })
    else set({ lastError: reply.error })
  },
  async exportChecklistReport(format) {
    const reply = await api().checklist.exportReport({ format })
    if (!reply.ok) set({ lastError: reply.error })
    return reply
  },
  async recoverChecklist() {
    const reply = await api().checklist.recover({ use: 'backup' })
    if (reply.ok) set({ checklist: reply.value })
    else set({ lastError: reply.error })
    return reply
  },
})

/** The view with one manual item ticked or unticked, before main confirms it. */
export function withTick(view: ChecklistView, accountId: string, itemId: string, done: boolean, note?: string): ChecklistView {
  return {
    ...view,
    accounts: view.accounts.map((account) =>
      account.accountId !== accountId
        ? account
        : {
            ...account,
            items: account.items.map((item) =>
              item.id === itemId && item.checkedBy === 'you' ? { ...item, status: done ? 'done' : 'todo', ...(note !== undefined ? { note } : {}) } : item,
            ),
          },
    ),
  }
}
