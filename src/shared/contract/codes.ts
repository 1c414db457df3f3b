import { z } from 'zod'
import { method } from './define'
import { AccountId } from './accounts'

/**
 * The codes of one account for one period. Main pushes frames only at period
 * boundaries or on change; the renderer animates the countdown locally from
 * `periodStart` and `period`.
 */
export const CodeFrame = z.object({
  accountId: AccountId,
  code: z.string().regex(/^[0-9A-Z]{5,8}$/),
  /** The code of the next period (TOTP/Steam) or counter (HOTP preview is not shown). */
  nextCode: z.string().regex(/^[0-9A-Z]{5,8}$/).nullable(),
  /** Start of the current period, ms since the epoch on the clock codes use; 0 for HOTP. */
  periodStart: z.number(),
  /** Period in seconds; 0 for HOTP. */
  period: z.number().int().nonnegative(),
})
export type CodeFrame = z.infer<typeof CodeFrame>

export const CodeFrames = z.object({
  frames: z.array(CodeFrame),
  /** Added to the system clock to get the time codes are computed on (0 = system clock). */
  correctionMs: z.number(),
  /**
   * Which set is newest, among every set main sends (replies and pushes
   * alike, which can arrive out of order): a set with a lower `seq` than one
   * already received is out of date and is dropped.
   */
  seq: z.number().int().nonnegative(),
})
export type CodeFrames = z.infer<typeof CodeFrames>

export const codesMethods = {
  /**
   * The frames ready now, at once: after a change that brought many new
   * accounts (an import) or a period boundary, the ones still to compute
   * beyond `REPLY_FRAMES_COMPUTED` are left out and follow in a push.
   */
  frames: method(z.void(), CodeFrames),
  /** HOTP: advance the counter (persisted first) and return the new code. */
  nextHotp: method(z.object({ id: AccountId }).strict(), CodeFrame),
}

export const codesEvents = {
  frames: CodeFrames,
}
