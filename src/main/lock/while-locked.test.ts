import { describe, expect, it } from 'vitest'
import { methodNames, OPEN_WHILE_LOCKED, type MethodName } from '../../shared/contract'
import { ok } from '../../shared/result'
import type { Handlers } from '../core/dispatch'
import { whileLocked } from './while-locked'

/** Every contract method, each answering with its own name (so a reply shows which handler ran). */
const echo = Object.fromEntries(methodNames.map((m) => [m, () => ok(m)])) as unknown as Handlers
const call = (handlers: Handlers, m: MethodName) => (handlers[m] as (input: unknown) => unknown)(undefined)

describe('the contract while the app is locked', () => {
  it('every method but the few the unlock screen needs replies `locked` without reaching its handler', () => {
    let locked = true
    const guarded = whileLocked(echo, () => locked)
    const open = new Set<string>(OPEN_WHILE_LOCKED)
    for (const m of methodNames) {
      if (open.has(m)) expect(call(guarded, m)).toEqual(ok(m))
      else expect(call(guarded, m)).toMatchObject({ ok: false, error: { kind: 'locked' } })
    }
    // Nothing that gives a code or a secret is open.
    for (const m of OPEN_WHILE_LOCKED) expect(m).not.toMatch(/^(codes|clipboard|accounts|transfer)\./)
    locked = false
    for (const m of methodNames) expect(call(guarded, m)).toEqual(ok(m))
  })
})
