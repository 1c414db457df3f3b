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

/** Lets timers and I/O that are due run before the next slice. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * `each` over every item, `SLICE_ITEMS` per turn of the event loop; the
 * results in order. No more items than one slice: no turn is waited for.
 */
export async function mapInSlices<T, U>(items: readonly T[], each: (item: T, index: number) => U): Promise<U[]> {
  const out: U[] = []
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % SLICE_ITEMS === 0) await nextTurn()
    out.push(each(items[i]!, i))
  }
  return out
}
