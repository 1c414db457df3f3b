import { z } from 'zod'
import { method } from './define'
import { AccountId } from './accounts'

export const CopyResult = z.object({
  /** The code that was copied (computed at the moment of the copy, on the clock codes use). */
  code: z.string(),
  /** When the clipboard will be cleared (if it still holds this code), ms since the epoch; null = never. */
  clearAt: z.number().nullable(),
  /**
   * Which code it is: `next` when asked for, or when the current one had
   * fewer seconds left than the "copy the next code instead" setting (the
   * toast says so); `expected` when asked for. HOTP and codes without a next one are otherwise `current`.
   */
  which: z.enum(['current', 'next', 'expected']),
  /** Seconds the copied code has until it expires (TOTP/Steam, on the clock codes use); null for HOTP. */
  secondsLeft: z.number().nullable(),
})
export type CopyResult = z.infer<typeof CopyResult>

export const clipboardMethods = {
  /**
   * Main computes the code at this moment and puts it on the clipboard; the renderer never handles it.
   * `expected`: the code the site expects now, on the measured true time ("code rejected?").
   */
  copyCode: method(z.object({ id: AccountId, which: z.enum(['current', 'next', 'expected']).default('current') }).strict(), CopyResult),
}
