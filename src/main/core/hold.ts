/**
 * Work held until a moment comes (start-up: changes.ts holds the tray and
 * the checklist until the first codes are on screen). A function asked for
 * meanwhile runs once when it comes, however often it was asked, in the
 * order first asked; after it, at once.
 */
export type Hold = Readonly<{
  /** `fn`, held until `release()`. */
  wrap: (fn: () => void) => () => void
  /** The moment has come: what was asked for runs now. Again: nothing. */
  release: () => void
  /** Resolves on `release()`. */
  released: Promise<void>
}>

export function createHold(): Hold {
  let open = false
  let resolve: () => void = () => undefined
  const released = new Promise<void>((r) => (resolve = r))
  const asked = new Set<() => void>()
  return {
    wrap: (fn) => () => (open ? fn() : void asked.add(fn)),
    release() {
      if (open) return
      open = true
      const due = [...asked]
      asked.clear()
      for (const fn of due) fn()
      resolve()
    },
    released,
  }
}
