/** The system clipboard as main sees it (Electron's `clipboard`, or web mode's adapter). */
export interface ClipboardPort {
  readText(): Promise<string>
  writeText(text: string): Promise<void>
}

export type ClipboardGuardDeps = Readonly<{
  clipboard: ClipboardPort
  now: () => number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}>

export interface ClipboardGuard {
  /** Copies `text`; clears it after `clearAfterS` seconds (0 = never). Returns when, or null. */
  copy(text: string, clearAfterS: number): Promise<number | null>
  dispose(): void
}

/**
 * Copies codes and clears them again — but only if the clipboard still
 * holds the code: whatever the user copied since is never wiped. One
 * pending clear at a time: a newer copy replaces the older one's timer.
 */
export function createClipboardGuard(deps: ClipboardGuardDeps): ClipboardGuard {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout))
  let pending: unknown = null

  return {
    async copy(text, clearAfterS) {
      await deps.clipboard.writeText(text)
      if (pending !== null) clearTimer(pending)
      pending = null
      if (clearAfterS <= 0) return null
      pending = setTimer(() => {
        pending = null
        void deps.clipboard.readText().then((now) => (now === text ? deps.clipboard.writeText('') : undefined))
      }, clearAfterS * 1000)
      return deps.now() + clearAfterS * 1000
    },
    dispose() {
      if (pending !== null) clearTimer(pending)
      pending = null
    },
  }
}

/** Web mode's clipboard when no OS clipboard is reachable: kept in memory (tests read it). */
export function createMemoryClipboard(): ClipboardPort & { text: string } {
  const board = {
    text: '',
    readText: async () => board.text,
    writeText: async (text: string) => void (board.text = text),
  }
  return board
}
