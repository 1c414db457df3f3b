import { eventSchema, type EventName, type EventPayload } from '../../shared/contract'
import { createConsoleLogger, type Logger } from './log'
import { needsSlices, parseInSlices, type Checked } from './sliced-parse'
import { checkOptionsFor } from './slices'

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
 * goes out when checked. Events of one name keep their order: a later one
 * waits behind it. Events of other names do not: a code frame is never held
 * back while the checklist of 1,000 accounts is checked (each event is a
 * whole state of its own, so no listener needs one name's events ordered
 * against another's). The code frames' checks take urgent turns, ahead of
 * every other long job (slices.ts).
 *
 * With nobody listening (web mode before a tab connects, tests of other
 * services) nothing crosses, so nothing is checked: start-up emits the
 * accounts, codes, tray and checklist several times before the first tab
 * is there, and checking them would compete with serving it.
 */
export function createEventBus(log: Logger = createConsoleLogger()): EventBus {
  const listeners = new Set<EventListener>()
  /** Per event name: how many are still being checked (or waiting behind one that is), and the tail of that queue. */
  const lanes = new Map<EventName, { waiting: number; queue: Promise<void> }>()

  function send(name: EventName, checked: Checked): void {
    if (!checked.success) {
      log.error(`event ${name} breaks the contract: not sent`, checked.issues)
      return
    }
    for (const listener of listeners) listener(name, checked.data)
  }

  return {
    emit(name, payload) {
      if (listeners.size === 0) return
      const schema = eventSchema(name)
      const lane = lanes.get(name)
      if (!lane && !needsSlices(schema, payload)) {
        const checked = schema.safeParse(payload)
        return send(name, checked.success ? checked : { success: false, issues: checked.error.issues })
      }
      const mine = lane ?? { waiting: 0, queue: Promise.resolve() }
      lanes.set(name, mine)
      mine.waiting++
      mine.queue = mine.queue
        .then(async () => send(name, await parseInSlices(schema, payload, checkOptionsFor(name))))
        .catch((error: unknown) => log.error(`event ${name}: a listener failed`, error))
        .finally(() => {
          if (--mine.waiting === 0) lanes.delete(name)
        })
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
