import {
  apiError,
  isMethodName,
  methodSpec,
  type ApiError,
  type MethodName,
  type Output,
  type ParsedInput,
  type Reply,
} from '../../shared/contract'
import type { Result } from '../../shared/result'
import type { Logger } from './log'
import { parseInSlices } from './sliced-parse'
import { checkOptionsFor } from './slices'

/** One function per contract method; the compiler checks none is missing. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<Reply<M>> | Reply<M>
}

/**
 * The handlers of one area's methods (`'accounts'` → every `accounts.*`),
 * written next to that area's service; the composition root joins them
 * into `Handlers`.
 */
export type AreaHandlers<A extends string> = { [M in MethodName as M extends `${A}.${string}` ? M : never]: Handlers[M] }

export type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown, ApiError>>

/**
 * The single validation path for every transport (Electron IPC and web
 * mode's WebSocket): unknown methods and schema-violating inputs are refused
 * before any service runs; a stray throw becomes `internal` and is logged
 * here, never sent; outputs are checked too, so a bug cannot leak a field
 * the contract does not declare (zod strips unknown keys). Long replies
 * (1,000 accounts) are checked in slices, so other work runs between.
 */
export function createDispatch(handlers: Handlers, log: Logger): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return { ok: false, error: apiError('unknown-method', `No such method: ${String(method).slice(0, 80)}`) }
    }
    const spec = methodSpec(method)
    // Inputs are checked in one go, so requests reach their handlers in the order they came.
    const parsed = spec.input.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
      return {
        ok: false,
        error: apiError('invalid-request', `Invalid request to ${method}${where}: ${issue?.message ?? 'invalid'}`),
      }
    }
    let reply: Result<unknown, ApiError>
    try {
      const handler = handlers[method] as (input: unknown) => Promise<Result<unknown, ApiError>> | Result<unknown, ApiError>
      reply = await handler(parsed.data)
    } catch (error) {
      log.error(`handler ${method} threw`, error)
      return { ok: false, error: apiError('internal', 'Something went wrong inside SellerGuard. Details are in its log.') }
    }
    if (!reply.ok) return reply
    const out = await parseInSlices(spec.output, reply.value, checkOptionsFor(method))
    if (!out.success) {
      log.error(`handler ${method} returned output that breaks the contract`, out.issues)
      return { ok: false, error: apiError('internal', 'Something went wrong inside SellerGuard. Details are in its log.') }
    }
    return { ok: true, value: out.data as Output<typeof method> }
  }
}
