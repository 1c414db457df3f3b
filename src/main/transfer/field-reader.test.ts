import { describe, expect, it } from 'vitest'
import { readFields } from './field-reader'

describe('readFields', () => {
  it('reads present fields of the right type; missing and null read as undefined', () => {
    const fields = readFields({ a: 'x', n: 7, b: false, o: { k: 'v' }, l: [1], z: null })
    expect([fields.string('a'), fields.number('n'), fields.boolean('b'), fields.object('o')?.string('k'), fields.array('l'), fields.string('z'), fields.number('gone')]).toEqual(['x', 7, false, 'v', [1], undefined, undefined])
    expect(fields.problem()).toBeNull()
  })

  it('keeps the first wrong field, with its path, including nested ones', () => {
    const fields = readFields({ info: { digits: '8', period: '30' } }, 'entry')
    const info = fields.object('info')
    expect(info?.number('digits')).toBeUndefined()
    info?.number('period')
    expect(fields.problem()).toBe('The field "entry.info.digits" holds the text "8", but must be a number.')
  })

  it('never quotes a secret field, nor long text', () => {
    const fields = readFields({ secret: 123456, long: 'x'.repeat(40) })
    fields.string('secret', { secret: true })
    expect(fields.problem()).toBe('The field "secret" holds a number, but must be text.')
    const other = readFields({ long: 'x'.repeat(40) })
    other.number('long')
    expect(other.problem()).toBe('The field "long" holds text, but must be a number.')
  })

  it('fail() records a problem the importer found, unless one is already there', () => {
    const fields = readFields({ a: 1 })
    fields.fail('first')
    fields.string('a')
    expect(fields.problem()).toBe('first')
  })
})
