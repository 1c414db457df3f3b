import type { StateCreator } from 'zustand'
import type { AccountSummary, CodeFrame, CodeFrames, FileData, Input, NewAccount, Reply } from '../../contract'
import { api, pageClipboard } from '../../bridge/api'
import { copyInPage } from './copy-in-page'
import type { AppSlice } from '../../app/app-slice'
import type { SettingsSlice } from '../settings/settings-slice'
import { chooseCode } from '../../../../shared/code-choice'
import { copiedMessage } from './copy-message'
import { msToRollOver, newestFrames, rolledOver } from './newest-frames'
import { createAccountViews, type AccountViews } from './account-views'

export type CodesSlice = {
  accounts: AccountSummary[]
  /** Each account's names, badge and search text, by id: set with `accounts`, so it has every one of them. */
  views: AccountViews
  frames: Record<string, CodeFrame>
  /** Added to Date.now() to get the time codes were computed on. */
  correctionMs: number
  /** The `seq` of the frames held: older sets are dropped. */
  framesSeq: number
  query: string
  showNext: boolean
  /** Set by the quick-pick shortcut until the codes screen has focused its search. */
  searchRequested: boolean
  /** The quick-pick shortcut: whatever screen is open, show the codes with the search focused. */
  quickPick(): void
  searchFocused(): void
  /** `pending`: the replies of requests already sent (the start asks for them with the lock's status). */
  loadAccounts(pending?: Readonly<{ accounts: Promise<Reply<'accounts.list'>>; frames: Promise<Reply<'codes.frames'>> }>): Promise<void>
  receiveAccounts(accounts: AccountSummary[]): void
  receiveFrames(frames: CodeFrames): void
  setQuery(query: string): void
  setShowNext(show: boolean): void
  /** Checks pasted key text or an otpauth:// link as it is typed; main never sends the key back. */
  checkAccountText(text: string): Promise<Reply<'accounts.check'>>
  addAccount(input: NewAccount): Promise<Reply<'accounts.add'>>
  updateAccount(patch: Input<'accounts.update'>): Promise<Reply<'accounts.update'>>
  /** The secret and its QR code, only when the user asks to see them. */
  revealSecret(id: string): Promise<Reply<'accounts.reveal'>>
  copyCode(id: string, which?: 'current' | 'next' | 'expected'): Promise<void>
  /** Icon images by `id@updatedAt` as data: URLs (null: none or refused); loaded on demand. */
  iconImages: Record<string, string | null>
  loadIconImage(id: string, version: number): Promise<void>
  setIconImage(id: string, file: FileData): Promise<Reply<'accounts.setIconImage'>>
  togglePin(id: string): Promise<void>
  /** "Did the site accept the code?" — yes: main records the date on the account. */
  confirmWorking(id: string): Promise<Reply<'accounts.confirmWorking'>>
  nextHotp(id: string): Promise<void>
  removeAccount(id: string): Promise<void>
  moveAccount(id: string, delta: number): Promise<void>
  reorderAccounts(ids: string[]): Promise<void>
}

/** Electron: main computes the code at this moment and puts it on the system clipboard. */
const copyInMain = (id: string, which: 'current' | 'next' | 'expected') => api().clipboard.copyCode({ id, which })

export const createCodesSlice: StateCreator<CodesSlice & AppSlice & SettingsSlice, [], [], CodesSlice> = (set, get) => {
  // At each period's end the held frames show their next codes (rolledOver), without waiting for main's push.
  let rollTimer: ReturnType<typeof setTimeout> | null = null
  // A big push (an import) is described a slice at a time; the list shows the accounts before it until all are ready.
  const describe = createAccountViews()
  const takeAccounts = (accounts: AccountSummary[]) => describe(accounts, (views) => set({ accounts, views }))
  const codeTime = () => Date.now() + get().correctionMs
  function scheduleRollOver(): void {
    if (rollTimer !== null) clearTimeout(rollTimer)
    const wait = msToRollOver(get().frames, codeTime())
    rollTimer =
      wait === null
        ? null
        : setTimeout(() => {
            const rolled = rolledOver(get().frames, codeTime())
            if (rolled) set({ frames: rolled })
            scheduleRollOver()
          }, wait)
  }
  return {
    accounts: [],
    views: new Map(),
    frames: {},
    correctionMs: 0,
    framesSeq: -1,
    query: '',
    showNext: false,
    searchRequested: false,
    iconImages: {},
    quickPick: () => set({ screen: 'codes', searchRequested: true }),
    searchFocused: () => set({ searchRequested: false }),

    async loadAccounts(pending) {
      const [accounts, frames] = await Promise.all([pending?.accounts ?? api().accounts.list(), pending?.frames ?? api().codes.frames()])
      if (accounts.ok) takeAccounts(accounts.value)
      else set({ lastError: accounts.error })
      if (frames.ok) get().receiveFrames(frames.value)
    },
    receiveAccounts: takeAccounts,
    receiveFrames: (incoming) => {
      const newest = newestFrames(get().framesSeq, incoming, get().frames)
      if (!newest) return
      if (incoming.frames.length > 0 && performance.getEntriesByName('sg:first-frames').length === 0) performance.mark('sg:first-frames')
      set(newest)
      scheduleRollOver()
    },
    setQuery: (query) => set({ query }),
    setShowNext: (showNext) => set({ showNext }),

    checkAccountText: (text) => api().accounts.check({ text }),
    addAccount: (input) => api().accounts.add(input),
    async updateAccount(patch) {
      const reply = await api().accounts.update(patch)
      // The edit form shows what is wrong with what was typed; anything else is for the app's banner.
      if (!reply.ok && reply.error.kind !== 'invalid-input') set({ lastError: reply.error })
      return reply
    },
    async revealSecret(id) {
      const reply = await api().accounts.reveal({ id })
      if (!reply.ok) set({ lastError: reply.error })
      return reply
    },

    async copyCode(id, which = 'current') {
      const page = pageClipboard()
      const clearAfterS = get().settings?.clipboardClearSeconds ?? 0
      const frame = get().frames[id]
      // Web mode: the code on screen is copied from the click, chosen by main's rule (`chooseCode`); the "expected" one is computed in main on the true time.
      const below = get().settings?.copyNextBelowSeconds ?? 0
      const inPage = () => (frame ? chooseCode(frame, which === 'next' ? 'next' : 'current', below, Date.now() + get().correctionMs) : undefined)
      const copied = page === null ? await copyInMain(id, which) : await copyInPage(page, which === 'expected' ? copyInMain(id, which) : inPage(), clearAfterS)
      if (!copied.ok) return set({ lastError: copied.error })
      // Main saw the copy unless the page made it: tell it, for "recently used" order (the copy has succeeded either way).
      if (page !== null && which !== 'expected') void api().accounts.markUsed({ id })
      const notCleared = copied.value.clearAt === null && page !== null && clearAfterS > 0 ? ' This browser does not let SellerGuard check the clipboard later, so it will not be cleared.' : ''
      get().showToast(`${copiedMessage(copied.value, which, Date.now())}${notCleared}`)
    },

    async loadIconImage(id, version) {
      const key = `${id}@${version}`
      if (key in get().iconImages) return
      set({ iconImages: { ...get().iconImages, [key]: null } })
      const reply = await api().accounts.iconImage({ id })
      const src = reply.ok && reply.value ? `data:${reply.value.mimeType};base64,${reply.value.data}` : null
      set({ iconImages: { ...get().iconImages, [key]: src } })
    },
    setIconImage: (id, file) => api().accounts.setIconImage({ id, file }),
    async togglePin(id) {
      const account = get().accounts.find((a) => a.id === id)
      if (!account) return
      const reply = await api().accounts.update({ id, pinned: !account.pinned })
      if (!reply.ok) return set({ lastError: reply.error })
      get().showToast(reply.value.pinned ? 'Pinned: it comes first here, in the tray and in the quick pick.' : 'Unpinned.')
    },
    confirmWorking: (id) => api().accounts.confirmWorking({ id }),

    async nextHotp(id) {
      const reply = await api().codes.nextHotp({ id })
      if (!reply.ok) return set({ lastError: reply.error })
      set({ frames: { ...get().frames, [id]: reply.value } })
    },

    async removeAccount(id) {
      const account = get().accounts.find((a) => a.id === id)
      const reply = await api().accounts.remove({ id })
      if (!reply.ok) return set({ lastError: reply.error })
      const seconds = Math.max(1, Math.round((reply.value.undoUntil - Date.now()) / 1000))
      get().showToast(`Deleted ${account?.issuer || account?.label || 'account'}. You have ${seconds} s to undo.`, {
        label: 'Undo',
        run: () => {
          void api().accounts.undoRemove({ id }).then((undone) => {
            if (!undone.ok) set({ lastError: undone.error })
            get().dismissToast()
          })
        },
      })
    },

    async moveAccount(id, delta) {
      const ids = get().accounts.map((a) => a.id)
      const from = ids.indexOf(id)
      const to = from + delta
      if (from < 0 || to < 0 || to >= ids.length) return
      ids.splice(to, 0, ids.splice(from, 1)[0]!)
      await get().reorderAccounts(ids)
    },

    async reorderAccounts(ids) {
      const reply = await api().accounts.reorder({ ids })
      if (!reply.ok) set({ lastError: reply.error })
    },
  }
}
