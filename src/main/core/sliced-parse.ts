import { z } from 'zod'
import { mapInTimedSlices, SLICE_ITEMS, type SliceOptions } from './slices'

/** What checking a value against its schema gives: zod's own answer, in or out of slices. */
export type Checked = Readonly<{ success: true; data: unknown }> | Readonly<{ success: false; issues: readonly z.core.$ZodIssue[] }>

/** A plain array schema (no length or other checks of its own): its elements can be checked one by one. */
function elementOf(schema: z.ZodType): z.ZodType | null {
  if (!(schema instanceof z.ZodArray) || (schema._zod.def.checks?.length ?? 0) > 0) return null
  return schema.element as z.ZodType
}

const isLong = (value: unknown): value is unknown[] => Array.isArray(value) && value.length > SLICE_ITEMS

/**
 * The fields of an object payload holding long arrays that may be checked
 * element by element: only for an object schema without refinements, whose
 * field is a plain array. Empty when the payload is checked in one go.
 */
function longFields(schema: z.ZodType, value: unknown): string[] {
  if (!(schema instanceof z.ZodObject) || (schema._zod.def.checks?.length ?? 0) > 0) return []
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return []
  const shape = schema.shape as Record<string, z.ZodType>
  const record = value as Record<string, unknown>
  return Object.keys(shape).filter((key) => Object.hasOwn(record, key) && isLong(record[key]) && elementOf(shape[key]!) !== null)
}

/** Whether `value` is long enough to be checked in slices (a long array, or an object holding one). */
export function needsSlices(schema: z.ZodType, value: unknown): boolean {
  return (isLong(value) && elementOf(schema) !== null) || longFields(schema, value).length > 0
}

const fromZod = (result: z.ZodSafeParseResult<unknown>): Checked => (result.success ? { success: true, data: result.data } : { success: false, issues: result.error.issues })

/**
 * Elements already checked, by schema and identity, with zod's answer (the
 * stripped copy). Only for an element that cannot have changed since: frozen,
 * holding nothing but primitives. Code frames are such: computed once a
 * period and sent in every reply and push until it ends, 1,000 of them
 * ~4-9 ms of zod each time.
 */
const checkedBefore = new WeakMap<z.ZodType, WeakMap<object, unknown>>()
const isSettled = (item: unknown): item is object =>
  typeof item === 'object' && item !== null && Object.isFrozen(item) && Object.values(item).every((v) => v === null || (typeof v !== 'object' && typeof v !== 'function'))

function checkedElement(element: z.ZodType, item: unknown): z.ZodSafeParseResult<unknown> {
  const settled = isSettled(item)
  const known = settled ? checkedBefore.get(element) : undefined
  if (known?.has(item as object)) return { success: true, data: known.get(item as object) } as z.ZodSafeParseResult<unknown>
  const one = element.safeParse(item)
  if (one.success && settled) {
    const memo = known ?? new WeakMap<object, unknown>()
    if (!known) checkedBefore.set(element, memo)
    memo.set(item, one.data)
  }
  return one
}

/**
 * The elements checked one by one, in slices cut by time (`mapInTimedSlices`):
 * elements differ fifty-fold in cost (a code frame ~4 µs, an account's
 * checklist ~0.2 ms), so 1,000 code frames go in one or two turns instead of
 * 40, each behind the other long jobs' slices. The answer cannot depend on
 * where the cuts fall: each element is checked on its own, and after the
 * first problem the rest are not checked.
 */
async function arrayInSlices(element: z.ZodType, items: readonly unknown[], options: SliceOptions): Promise<Checked> {
  let failed: Checked | null = null
  const data = await mapInTimedSlices(
    items,
    (item, index) => {
      if (failed) return undefined
      const one = checkedElement(element, item)
      if (!one.success) failed = { success: false, issues: one.error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })) }
      return one.data
    },
    options,
  )
  return failed ?? { success: true, data }
}

/**
 * `schema.safeParse(value)`, with the same result (unknown keys stripped,
 * the first problem's path), but a long array is checked a slice of
 * elements at a time, yielding the event loop between slices: a checklist of
 * 1,000 accounts is ~150 ms of zod, which would stop every code frame. The
 * rest of an object (its other fields, unknown keys, strictness) is left to
 * zod itself, with the long arrays stood in for by empty ones. `options`
 * say whose turn the slices take (urgent: the code frames).
 */
export async function parseInSlices(schema: z.ZodType, value: unknown, options: SliceOptions = {}): Promise<Checked> {
  const element = elementOf(schema)
  if (element && isLong(value)) return arrayInSlices(element, value, options)
  const fields = longFields(schema, value)
  if (fields.length === 0) return fromZod(schema.safeParse(value))
  const record = value as Record<string, unknown>
  const envelope = fromZod(schema.safeParse({ ...record, ...Object.fromEntries(fields.map((key) => [key, []])) }))
  if (!envelope.success) return envelope
  const data = { ...(envelope.data as Record<string, unknown>) }
  const shape = (schema as z.ZodObject).shape as Record<string, z.ZodType>
  for (const key of fields) {
    const part = await arrayInSlices(elementOf(shape[key]!)!, record[key] as unknown[], options)
    if (!part.success) return { success: false, issues: part.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] })) }
    data[key] = part.data
  }
  return { success: true, data }
}
