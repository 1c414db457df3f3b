import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { needsSlices, parseInSlices } from './sliced-parse'
import { SLICE_ITEMS } from './slices'

const Item = z.object({ id: z.string().regex(/^a_\d+$/), n: z.number().int() })
const View = z.object({ items: z.array(Item), total: z.number(), note: z.string().optional() })
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a_${i}`, n: i, secret: 'JBSWY3DPEHPK3PXP' }))

/** zod's own answer, in the shape parseInSlices gives. */
const whole = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value)
  return r.success ? { success: true, data: r.data } : { success: false, issues: r.error.issues }
}

describe('checking in slices gives zod’s own answer', () => {
  it('strips undeclared fields of a long array’s elements and of the object around it', async () => {
    const value = { items: items(SLICE_ITEMS * 4 + 3), total: 3, extra: 'x' }
    expect(needsSlices(View, value)).toBe(true)
    const sliced = await parseInSlices(View, value)
    expect(sliced).toEqual(whole(View, value))
    expect(JSON.stringify(sliced)).not.toContain('JBSWY3DPEHPK3PXP')
    expect(Object.keys((sliced as { data: object }).data)).toEqual(['items', 'total'])
  })

  it('a top-level long array, and short payloads in one go', async () => {
    const list = items(SLICE_ITEMS * 2 + 1)
    expect(await parseInSlices(z.array(Item), list)).toEqual(whole(z.array(Item), list))
    const short = { items: items(3), total: 1 }
    expect(needsSlices(View, short)).toBe(false)
    expect(await parseInSlices(View, short)).toEqual(whole(View, short))
  })

  it('refuses an element that breaks the schema, with its path', async () => {
    const list = items(SLICE_ITEMS * 3)
    list[SLICE_ITEMS * 2 + 5] = { id: 'not an id', n: 1, secret: '' }
    const sliced = await parseInSlices(View, { items: list, total: 1 })
    expect(sliced.success).toBe(false)
    expect(!sliced.success && sliced.issues[0]?.path).toEqual(['items', SLICE_ITEMS * 2 + 5, 'id'])
  })

  it('refuses a broken field beside a long array, and honours strict objects and array checks', async () => {
    expect((await parseInSlices(View, { items: items(SLICE_ITEMS * 2), total: 'many' })).success).toBe(false)
    const Strict = View.strict()
    const extra = { items: items(SLICE_ITEMS * 2).map(({ secret: _s, ...rest }) => rest), total: 1, extra: true }
    expect(await parseInSlices(Strict, extra)).toEqual(whole(Strict, extra))
    const Capped = z.object({ items: z.array(Item).max(SLICE_ITEMS) })
    const tooMany = { items: items(SLICE_ITEMS * 2) }
    expect(needsSlices(Capped, tooMany)).toBe(false)
    expect((await parseInSlices(Capped, tooMany)).success).toBe(false)
  })

  it('lets timers run between slices', async () => {
    let ticks = 0
    const timer = setInterval(() => ticks++, 0)
    const Slow = z.object({ id: z.string() }).transform((v) => {
      const until = Date.now() + 1
      while (Date.now() < until);
      return v
    })
    await parseInSlices(z.array(Slow), Array.from({ length: SLICE_ITEMS * 2 }, (_, i) => ({ id: String(i) })))
    clearInterval(timer)
    expect(ticks).toBeGreaterThan(0)
  })

  it('checks an element that cannot change (frozen, primitives only) once, and every other each time', async () => {
    let checks = 0
    const Counted = z.object({ id: z.string().regex(/^a_\d+$/), n: z.number().int() }).refine(() => ++checks > 0)
    const frozen = items(SLICE_ITEMS * 2).map((item) => Object.freeze(item))
    const first = await parseInSlices(z.array(Counted), frozen)
    expect(first).toEqual(whole(z.array(Counted), frozen))
    checks = 0
    const again = await parseInSlices(z.array(Counted), frozen)
    expect(again).toEqual(first)
    expect(checks).toBe(0)
    // Not frozen, or frozen around an object that can still change: checked again.
    const open = items(SLICE_ITEMS * 2)
    await parseInSlices(z.array(Counted), open)
    checks = 0
    await parseInSlices(z.array(Counted), open)
    expect(checks).toBe(open.length)
    const Nested = z.object({ id: z.string(), inner: z.object({ n: z.number() }) }).refine(() => ++checks > 0)
    const holding = Array.from({ length: SLICE_ITEMS * 2 }, (_, i) => Object.freeze({ id: String(i), inner: { n: i } }))
    await parseInSlices(z.array(Nested), holding)
    checks = 0
    holding[0]!.inner.n = Number.NaN
    const changed = await parseInSlices(z.array(Nested), holding)
    expect(changed).toMatchObject({ success: false, issues: [{ path: [0, 'inner', 'n'] }] })
  })

  it('a failed check is not kept: the same frozen element is refused again', async () => {
    const bad = Array.from({ length: SLICE_ITEMS * 2 }, (_, i) => Object.freeze({ id: i === 3 ? 'nope' : `a_${i}`, n: i }))
    const first = await parseInSlices(z.array(Item), bad)
    expect(first).toMatchObject({ success: false, issues: [{ path: [3, 'id'] }] })
    expect(await parseInSlices(z.array(Item), bad)).toEqual(first)
  })
})
