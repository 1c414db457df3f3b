import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { API_ERROR_KINDS } from './contract/api-error'
import { readServerFrame } from './read-server-frame'
import { ServerFrame } from './wire'

/** What the schema makes of a value: its parse, or null where it refuses it. */
const bySchema = (raw: unknown) => {
  const parsed = ServerFrame.safeParse(raw)
  return parsed.success ? parsed.data : null
}

const value = fc.oneof(fc.constant(undefined), fc.jsonValue(), fc.anything())
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-0, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER, 1e21, -1), fc.string())
const error = fc.record(
  { kind: fc.oneof(fc.constantFrom(...API_ERROR_KINDS), fc.string()), message: fc.oneof(fc.string(), number), field: fc.oneof(fc.string(), number, fc.constant(undefined)), position: number, extra: value },
  { requiredKeys: [] },
)
const reply = fc.record({ ok: fc.oneof(fc.boolean(), fc.constant(1), fc.constant('true')), value, error: fc.oneof(error, value), extra: value }, { requiredKeys: [] })
const session = fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.stringMatching(/^[0-9a-fA-F]{63,65}$/), fc.string())
const frame = fc.oneof(
  fc.record({ id: number, reply: fc.oneof(reply, value), event: fc.oneof(fc.string(), value), payload: value, session, extra: value }, { requiredKeys: [] }),
  value,
  fc.array(value),
)

describe('readServerFrame: the page takes exactly what the ServerFrame schema takes', () => {
  it.each<[string, unknown]>([
    ['a reply', { id: 3, reply: { ok: true, value: [1, { a: 2 }] } }],
    ['a refusal', { id: 4, reply: { ok: false, error: { kind: 'locked', message: 'Locked.', field: 'x', position: 0 } } }],
    ['an event', { event: 'codes.frames', payload: { frames: [] } }],
    ['a session', { session: 'ab'.repeat(32) }],
    ['extra keys (dropped)', { id: 1, reply: { ok: true, value: 1, more: 2 }, junk: 1 }],
    ['an unknown error kind', { id: 1, reply: { ok: false, error: { kind: 'nope', message: 'x' } } }],
    ['an id past the safe integers', { id: 2 ** 53, reply: { ok: true, value: 1 } }],
    ['a reply and an event in one', { id: 1.5, reply: { ok: true }, event: 'e', payload: 1 }],
    ['an upper-case session', { session: 'AB'.repeat(32) }],
    ['an array', [1, 2]],
    ['null', null],
  ])('%s', (_, raw) => {
    expect(readServerFrame(raw)).toStrictEqual(bySchema(raw))
  })

  it('fuzz: generated frames get the same answer from both', () => {
    fc.assert(
      fc.property(frame, (raw) => {
        expect(readServerFrame(raw)).toStrictEqual(bySchema(raw))
      }),
      // A fixed seed: the same frames every run (this file is typechecked with the renderer's, without Node's types).
      { seed: 20261202, numRuns: 2000 },
    )
  }, 300_000)
})
