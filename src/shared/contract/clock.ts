import { z } from 'zod'
import { method } from './define'

export const ClockState = z.enum(['ok', 'warn', 'critical', 'unknown'])
export type ClockState = z.infer<typeof ClockState>

export const ClockStatus = z.object({
  /** `unknown` means no usable measurement (offline, every server failed): never an alarm. */
  state: ClockState,
  /** Server time minus system time, ms; null when unknown. Positive: the computer is behind. */
  offsetMs: z.number().nullable(),
  /** Half-width of the interval the true offset lies in, ms. */
  errorMs: z.number().nullable(),
  /** When the last check finished, ms since the epoch (system clock). */
  checkedAt: z.number().nullable(),
  checking: z.boolean(),
  /** Whether codes are computed on corrected time, and the correction applied. */
  correctionMs: z.number(),
})
export type ClockStatus = z.infer<typeof ClockStatus>

export const clockMethods = {
  status: method(z.void(), ClockStatus),
}

export const clockEvents = {
  status: ClockStatus,
}
