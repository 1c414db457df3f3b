import { apiError, methodNames } from '../../src/shared/contract'
import type { Handlers } from '../../src/main/core/dispatch'

/**
 * Handlers for transport tests: every contract method answers "not stubbed"
 * unless the test gives it a body, so these tests keep compiling as the
 * contract grows.
 */
export function stubHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const handlers = Object.fromEntries(
    methodNames.map((name) => [name, () => ({ ok: false, error: apiError('internal', `${name} is not stubbed in this test`) })]),
  ) as unknown as Handlers
  return { ...handlers, ...overrides }
}
