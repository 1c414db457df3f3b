import type { z } from 'zod'

/** One request/response pair: both sides are validated at runtime. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): Readonly<{ input: I; output: O }> {
  return { input, output }
}
