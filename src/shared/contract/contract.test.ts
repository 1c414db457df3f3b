import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AccountPatch, buildApi, EVENT_NAMES, eventNames, eventSchema, METHOD_NAMES, methodNames, methodSpec, NewAccount, SECRET_BEARING_METHODS, type MethodName } from './index'

/** Property names that would mean a secret is crossing to the renderer (ids *of* secrets are fine). */
const SECRET_LIKE = /^(secrets?|seed|password|passphrase|key|privatekey|base32|uri|otpauth)$/i

function propertyNames(schema: unknown, out: Set<string> = new Set()): Set<string> {
  if (!schema || typeof schema !== 'object') return out
  const node = schema as Record<string, unknown>
  if (node.properties && typeof node.properties === 'object') {
    for (const [name, child] of Object.entries(node.properties as Record<string, unknown>)) {
      out.add(name)
      propertyNames(child, out)
    }
  }
  for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties']) {
    const child = node[key]
    if (Array.isArray(child)) child.forEach((c) => propertyNames(c, out))
    else propertyNames(child, out)
  }
  return out
}

describe('the contract', () => {
  it('has one naming rule for add and edit: never both name and account blank', () => {
    const id = 'acc_12345678'
    for (const names of [{ issuer: '', label: '' }, { issuer: '  ', label: '\t' }]) {
      expect(AccountPatch.safeParse({ id, ...names }).success).toBe(false)
      expect(NewAccount.safeParse({ text: 'JBSWY3DPEHPK3PXP', ...names }).success).toBe(false)
    }
    expect(AccountPatch.safeParse({ id, issuer: 'KDP', label: '' }).success).toBe(true)
    expect(AccountPatch.safeParse({ id, issuer: '' }).success).toBe(true)
    expect(NewAccount.safeParse({ text: 'otpauth://totp/KDP:me?secret=JBSWY3DPEHPK3PXP' }).success).toBe(true)
    expect(AccountPatch.safeParse({ id, issuer: '', label: '' }).error?.issues[0]).toMatchObject({ path: ['issuer'], message: expect.stringContaining('Give the account a name') })
  })

  it('derives method and event names from its maps', () => {
    expect(methodNames).toContain('app.info')
    expect(methodNames.every((m) => /^[a-z]+\.[a-zA-Z]+$/.test(m))).toBe(true)
    expect(new Set(methodNames).size).toBe(methodNames.length)
    expect(eventNames).toContain('settings.changed')
  })

  it('lists the same names without zod, for building window.sellerguard (the typecheck holds them equal too)', () => {
    expect([...METHOD_NAMES].sort()).toEqual([...methodNames].sort())
    expect([...EVENT_NAMES].sort()).toEqual([...eventNames].sort())
  })

  const ordinary = methodNames.filter((m) => !(SECRET_BEARING_METHODS as readonly string[]).includes(m))
  it.each(ordinary.map((m) => [m]))('%s: no output field is shaped like a secret', (name) => {
    const names = propertyNames(z.toJSONSchema(methodSpec(name as MethodName).output, { unrepresentable: 'any' }))
    expect([...names].filter((n) => SECRET_LIKE.test(n))).toEqual([])
  })

  it.each(eventNames.map((e) => [e]))('event %s carries no field shaped like a secret', (name) => {
    const names = propertyNames(z.toJSONSchema(eventSchema(name), { unrepresentable: 'any' }))
    expect([...names].filter((n) => SECRET_LIKE.test(n))).toEqual([])
  })

  it('the secret-bearing methods are the explicit reveals, and the check would catch them', () => {
    expect(SECRET_BEARING_METHODS).toEqual(['accounts.reveal', 'transfer.exportBackup', 'transfer.exportAegis', 'transfer.exportTwofas', 'transfer.exportOtpauthList'])
    const names = propertyNames(z.toJSONSchema(methodSpec('accounts.reveal').output))
    expect([...names].filter((n) => SECRET_LIKE.test(n))).toEqual(['secret', 'uri', 'qrSvg'].filter((n) => SECRET_LIKE.test(n)))
  })

  it('buildApi makes one function per method and refuses unknown events', async () => {
    const invoked: string[] = []
    const api = buildApi(
      async (name) => (invoked.push(name), { ok: true, value: null }),
      () => () => undefined,
    )
    await api.app.info()
    await api.accounts.get({ id: 'abcdefgh' })
    expect(invoked).toEqual(['app.info', 'accounts.get'])
    expect(() => (api.on as (e: string, cb: () => void) => void)('nope.event', () => undefined)).toThrow(/unknown event/)
  })
})
