import { eventSchema, type EventName, type EventPayload } from '../../shared/contract'
import { createConsoleLogger, type Logger } from './log'
import { needsSlices, parseInSlices, type Checked } from './sliced-parse'

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
 *
 * A long payload (the checklist or the accounts of 1,000 accounts) is
 * checked in slices (sliced-parse.ts), so the main thread keeps ticking; it
 * goes out when checked, and every event emitted after it waits behind it,
 * so listeners always hear events in the order they were emitted.
 */
export function createEventBus(log: Logger = createConsoleLogger()): EventBus {
  const listeners = new Set<EventListener>()
  /** Events still being checked (or waiting behind one that is). */
  let waiting = 0
  let queue: Promise<void> = Promise.resolve()

  function send(name: EventName, checked: Checked): void {
    if (!checked.success) {
      log.error(`event ${name} breaks the contract: not sent`, checked.issues)
      return
    }
    for (const listener of listeners) listener(name, checked.data)
  }

  return {
    emit(name, payload) {
      const schema = eventSchema(name)
      if (waiting === 0 && !needsSlices(schema, payload)) {
        const checked = schema.safeParse(payload)
        return send(name, checked.success ? checked : { success: false, issues: checked.error.issues })
      }
      waiting++
      queue = queue
        .then(async () => send(name, await parseInSlices(schema, payload)))
        .catch((error: unknown) => log.error(`event ${name}: a listener failed`, error))
        .finally(() => void waiting--)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
