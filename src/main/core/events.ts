import type { EventName, EventPayload } from '../../shared/contract'

export type EventListener = (name: EventName, payload: unknown) => void

/** Fan-out of contract events to every connected window or socket. */
export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void
  subscribe(listener: EventListener): () => void
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>()
  return {
    emit(name, payload) {
      for (const listener of listeners) listener(name, payload)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
