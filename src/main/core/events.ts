import { eventSchema, type EventName, type EventPayload } from '../../shared/contract'
import { createConsoleLogger, type Logger } from './log'

export type EventListener = (name: EventName, payload: unknown) => void

/** Fan-out of contract events to every connected window or socket. */
export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void
  subscribe(listener: EventListener): () => void
}

/**
 * Every payload is checked against its event's schema before it goes out,
 * as dispatch checks replies: zod strips fields the contract does not
 * declare, and a payload that breaks the contract is logged and dropped,
 * so nothing undeclared crosses to the renderer.
 */
export function createEventBus(log: Logger = createConsoleLogger()): EventBus {
  const listeners = new Set<EventListener>()
  return {
    emit(name, payload) {
      const checked = eventSchema(name).safeParse(payload)
      if (!checked.success) {
        log.error(`event ${name} breaks the contract: not sent`, checked.error.issues)
        return
      }
      for (const listener of listeners) listener(name, checked.data)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
