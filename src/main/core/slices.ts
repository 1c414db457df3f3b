/**
 * Long work on the main thread, cut into slices: between two slices the
 * event loop runs (timers, sockets, the next code frame), so 1,000 accounts
 * never hold it for more than one slice. Slices are counted in items, not
 * timed, so the same input always splits the same way (and a test is never
 * at the mercy of the machine's speed): `SLICE_ITEMS` of the costliest item
 * (an account's whole checklist, about 0.15 ms to validate here) stay well
 * inside one display frame.
 */
export const SLICE_ITEMS = 25

/** Slices waiting for their turn, oldest first, whatever long work they belong to; urgent ones go before the rest. */
const waiting: (() => void)[] = []
const urgent: (() => void)[] = []
let turnQueued = false

function queueTurn(): void {
  turnQueued = true
  setImmediate(() => {
    turnQueued = false
    const next = urgent.shift() ?? waiting.shift()
    if (urgent.length + waiting.length > 0) queueTurn()
    next?.()
  })
}

/**
 * Lets timers and I/O that are due run before the next slice. One slice
 * per turn of the event loop, for all long work together: an import sets
 * off several at once (the reply's check, the event's, the checklist, the
 * tray, the code frames), and if each took its own `setImmediate` they
 * would all run back to back in one turn, holding the loop for the sum of
 * their slices. They take turns instead, in the order they asked; `urgent`
 * work (the code frames the user is watching) before any other.
 */
export const nextTurn = (options: SliceOptions = {}): Promise<void> =>
  new Promise((resolve) => {
    ;(options.urgent ? urgent : waiting).push(resolve)
    if (!turnQueued) queueTurn()
  })

export type SliceOptions = Readonly<{
  /** Code frames: their slices take the next turns, ahead of the checklist, the tray and the checks. */
  urgent?: boolean
}>

/**
 * How a payload crossing to the renderer is checked: `codes.frames` (the
 * reply the renderer asks for and the event main pushes) holds the codes the
 * user is watching, so its check goes ahead of every other long job, as the
 * frames themselves are computed.
 */
export const checkOptionsFor = (name: string): SliceOptions => (name === 'codes.frames' ? { urgent: true } : {})

/**
 * `each` over every item, `SLICE_ITEMS` per turn of the event loop; the
 * results in order. No more items than one slice: no turn is waited for.
 * More: the first slice waits its turn too, so that the caller's task (one
 * change that sets off several long jobs) does not run all their first
 * slices at once.
 */
export async function mapInSlices<T, U>(items: readonly T[], each: (item: T, index: number) => U, options: SliceOptions = {}): Promise<U[]> {
  const out: U[] = []
  const long = items.length > SLICE_ITEMS
  for (let i = 0; i < items.length; i++) {
    if (long && i % SLICE_ITEMS === 0) await nextTurn(options)
    out.push(each(items[i]!, i))
  }
  return out
}

/**
 * Time per slice of work whose items are cheap but many (a code frame
 * ~15–30 µs, a frame's check ~4 µs), ms: well inside a display frame, and
 * 1,000 code frames take some eight turns instead of forty, each of which
 * also runs whatever I/O and timers are due.
 */
export const TIMED_SLICE_MS = 4

/**
 * `mapInSlices`, cut by time instead of count: a new turn once a slice has
 * run `TIMED_SLICE_MS`. For cheap items only (one item is never cut); the
 * results do not depend on where the cuts fall.
 */
export async function mapInTimedSlices<T, U>(items: readonly T[], each: (item: T, index: number) => U, options: SliceOptions = {}): Promise<U[]> {
  const out: U[] = []
  const long = items.length > SLICE_ITEMS
  let sliceStart = 0
  for (let i = 0; i < items.length; i++) {
    if (long && (i === 0 || performance.now() - sliceStart >= TIMED_SLICE_MS)) {
      await nextTurn(options)
      sliceStart = performance.now()
    }
    out.push(each(items[i]!, i))
  }
  return out
}
