/**
 * A clipboard as the guard sees it: the system one in main (Electron's, or
 * web mode's memory stand-in), or the browser's in web mode's page.
 */
export interface ClipboardPort {
  readText(): Promise<string>
  writeText(text: string): Promise<void>
  /**
   * Whether `readText` will work later without asking the user. A browser
   * may refuse or prompt for it; without this the guard assumes it can.
   */
  canReadBack?(): Promise<boolean>
}

export type ClipboardGuardDeps = Readonly<{
  clipboard: ClipboardPort
  now: () => number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}>

export interface ClipboardGuard {
  /**
   * Copies `text` (rejects if the clipboard refuses it); clears it after
   * `clearAfterS` seconds (0 = never). Returns when, or null when it will not
   * be cleared (never asked, or the clipboard cannot be read back to check).
   */
  copy(text: string, clearAfterS: number): Promise<number | null>
  /** Clears the clipboard now if it still holds the last code copied (the app just locked), and forgets that code. */
  clearNow(): Promise<void>
  dispose(): void
}

/**
 * Copies codes and clears them again — but only if the clipboard still
 * holds the code: whatever the user copied since is never wiped, and a
 * clipboard that cannot be read back is never cleared blind. One pending
 * clear at a time: a newer copy replaces the older one's timer. Used by main
 * and by web mode's page (the same rule for both).
 */
export function createClipboardGuard(deps: ClipboardGuardDeps): ClipboardGuard {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>))
  let pending: unknown = null
  /** Bumped by every copy, so a copy still asking canReadBack() cannot arm a timer over a newer one. */
  let latest = 0
  /** The last code copied, until it is cleared (or found replaced): what clearNow() looks for. */
  let copied: string | null = null

  function cancel(): void {
    if (pending !== null) clearTimer(pending)
    pending = null
  }

  async function clearIfStill(text: string): Promise<void> {
    if (copied === text) copied = null
    try {
      if ((await deps.clipboard.readText()) === text) await deps.clipboard.writeText('')
    } catch {
      // The clipboard can no longer be read or written (a browser took the permission back): leave it as it is.
    }
  }

  return {
    async copy(text, clearAfterS) {
      const copy = ++latest
      // First thing, synchronously from the caller: a browser allows the write only during the user's click.
      await deps.clipboard.writeText(text)
      copied = text
      if (copy !== latest) return null
      cancel()
      if (clearAfterS <= 0) return null
      if (deps.clipboard.canReadBack && !(await deps.clipboard.canReadBack())) return null
      if (copy !== latest) return null
      pending = setTimer(() => {
        pending = null
        void clearIfStill(text)
      }, clearAfterS * 1000)
      return deps.now() + clearAfterS * 1000
    },
    async clearNow() {
      latest++
      cancel()
      if (copied !== null) await clearIfStill(copied)
    },
    dispose() {
      latest++
      cancel()
    },
  }
}

/** A clipboard kept in memory: web mode's in main, where no OS clipboard is reachable (the tray path and tests read it). */
export function createMemoryClipboard(): ClipboardPort & { text: string } {
  const board = {
    text: '',
    readText: async () => board.text,
    writeText: async (text: string) => void (board.text = text),
  }
  return board
}
