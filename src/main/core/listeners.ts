/**
 * How every service says it changed: `onChange(listener)` returns a
 * function that removes the listener; the composition root relays changes
 * to the event bus and to the services that follow them.
 */
export type OnChange<A extends unknown[]> = (listener: (...change: A) => void) => () => void

export interface Listeners<A extends unknown[]> {
  readonly onChange: OnChange<A>
  emit(...change: A): void
}

export function createListeners<A extends unknown[]>(): Listeners<A> {
  const listeners = new Set<(...change: A) => void>()
  return {
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    emit(...change) {
      for (const listener of listeners) listener(...change)
    },
  }
}
