import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { craftReply } from '../../../test/helpers/ntp-reply'
import { decodeReply, encodeRequest, NTP_HEADER_BYTES, type PacketError } from './sntp-packet'
import { fuzz } from '../../../test/helpers/fuzz'

const nonce = new Uint8Array([0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4])
const request = encodeRequest(nonce)
const now = Date.parse('2026-03-01T10:00:00Z')

function errorOf(bytes: Uint8Array): PacketError | null {
  const decoded = decodeReply(bytes, nonce)
  return decoded.ok ? null : decoded.error
}

describe('SNTP request', () => {
  it('is 48 bytes: LI 0, VN 4, mode 3, the nonce as transmit timestamp, the rest zero', () => {
    expect(request.length).toBe(48)
    expect(request[0]).toBe(0b00_100_011)
    expect(Array.from(request.subarray(40))).toEqual(Array.from(nonce))
    expect(request.subarray(1, 40).every((b) => b === 0)).toBe(true)
  })

  it('refuses a nonce of the wrong size or all zeros (a programming error)', () => {
    expect(() => encodeRequest(new Uint8Array(4))).toThrow(RangeError)
    expect(() => encodeRequest(new Uint8Array(8))).toThrow(RangeError)
  })
})

describe('SNTP reply validation', () => {
  it('accepts a healthy reply and reads every field', () => {
    const decoded = decodeReply(craftReply(request, now, { stratum: 2, rootDelayMs: 250, rootDispersionMs: 125, precision: -10 }), nonce)
    expect(decoded).toEqual({
      ok: true,
      value: {
        leap: 0,
        version: 4,
        stratum: 2,
        precisionMs: 1000 / 1024,
        rootDelayMs: 250,
        rootDispersionMs: 125,
        referenceId: '127.0.0.1',
        receiveMs: now,
        transmitMs: now,
      },
    })
  })

  it('accepts NTPv3 replies and a leap-second warning', () => {
    expect(decodeReply(craftReply(request, now, { version: 3, leap: 1 }), nonce)).toMatchObject({ ok: true, value: { version: 3, leap: 1 } })
  })

  it('shows a stratum-1 reference id as text', () => {
    expect(decodeReply(craftReply(request, now, { stratum: 1, referenceId: 'GPS' }), nonce)).toMatchObject({ ok: true, value: { referenceId: 'GPS' } })
  })

  it.each<[string, Parameters<typeof craftReply>[2], PacketError]>([
    ['a short packet', { length: 47 }, { kind: 'short', length: 47 }],
    ['an empty packet', { length: 0 }, { kind: 'short', length: 0 }],
    ['wrong mode (3, a client)', { mode: 3 }, { kind: 'wrong-mode', mode: 3 }],
    ['wrong mode (5, broadcast)', { mode: 5 }, { kind: 'wrong-mode', mode: 5 }],
    ['wrong version (2)', { version: 2 }, { kind: 'wrong-version', version: 2 }],
    ['wrong version (5)', { version: 5 }, { kind: 'wrong-version', version: 5 }],
    ['LI = 3 (unsynchronised)', { leap: 3 }, { kind: 'unsynchronised', leap: 3, stratum: 2 }],
    ['stratum 0 without a kiss code (chronyd with no source)', { leap: 3, stratum: 0, referenceId: new Uint8Array(4) }, { kind: 'unsynchronised', leap: 3, stratum: 0 }],
    ['KoD RATE', { leap: 3, stratum: 0, referenceId: 'RATE' }, { kind: 'kiss-o-death', code: 'RATE' }],
    ['KoD DENY', { leap: 3, stratum: 0, referenceId: 'DENY' }, { kind: 'kiss-o-death', code: 'DENY' }],
    ['KoD RSTR', { leap: 0, stratum: 0, referenceId: 'RSTR' }, { kind: 'kiss-o-death', code: 'RSTR' }],
    ['KoD with a short code', { leap: 3, stratum: 0, referenceId: 'NKE' }, { kind: 'kiss-o-death', code: 'NKE' }],
    ['stratum 16', { stratum: 16 }, { kind: 'bad-stratum', stratum: 16 }],
    ['stratum 255', { stratum: 255 }, { kind: 'bad-stratum', stratum: 255 }],
    ['zero transmit timestamp', { transmitMs: null }, { kind: 'zero-transmit' }],
    ['zero receive timestamp', { receiveMs: null }, { kind: 'zero-receive' }],
    ['an origin that is not our nonce', { origin: new Uint8Array(8).fill(7) }, { kind: 'origin-mismatch' }],
    ['a zero origin (a server that ignored our request)', { origin: new Uint8Array(8) }, { kind: 'origin-mismatch' }],
  ])('rejects %s', (_name, fields, expected) => {
    expect(errorOf(craftReply(request, now, fields))).toEqual(expected)
  })

  it('believes nothing from a packet without our nonce, not even a Kiss-o’-Death DENY', () => {
    expect(errorOf(craftReply(request, now, { stratum: 0, leap: 3, referenceId: 'DENY', origin: new Uint8Array(8).fill(1) }))).toEqual({ kind: 'origin-mismatch' })
  })

  describe('extension fields and MACs', () => {
    const withTail = (tail: number[]) => {
      const base = craftReply(request, now)
      const bytes = new Uint8Array(base.length + tail.length)
      bytes.set(base)
      bytes.set(tail, base.length)
      return bytes
    }
    const field = (length: number) => [0x01, 0x04, length >> 8, length & 0xff, ...new Array<number>(length - 4).fill(0)]

    it('accepts a legacy MAC (key id + MD5 or SHA-1) and ignores it', () => {
      expect(decodeReply(withTail(new Array(20).fill(9)), nonce).ok).toBe(true)
      expect(decodeReply(withTail(new Array(24).fill(9)), nonce).ok).toBe(true)
    })

    it('accepts well-formed extension fields, with or without a MAC after them', () => {
      expect(decodeReply(withTail(field(28)), nonce).ok).toBe(true)
      expect(decodeReply(withTail([...field(32), ...field(28)]), nonce).ok).toBe(true)
      expect(decodeReply(withTail([...field(16), ...new Array(20).fill(9)]), nonce).ok).toBe(true)
    })

    it.each([
      ['one stray byte', [0]],
      ['a 4-byte crypto-NAK (we never asked for authentication)', [0, 0, 0, 0]],
      ['a field shorter than 16 bytes', [...field(12), ...new Array(16).fill(0)]],
      ['a field whose length is not a multiple of 4', [0, 1, 0, 30, ...new Array(26).fill(0)]],
      ['a field running past the end', [0, 1, 0, 200, ...new Array(40).fill(0)]],
    ])('rejects %s as long', (_name, tail) => {
      expect(errorOf(withTail(tail))).toMatchObject({ kind: 'long' })
    })
  })

  describe('fuzzing (fast-check, fixed seed)', () => {
    it('never throws on random bytes and always returns a typed result', () => {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 0, maxLength: 160 }), (bytes) => {
          const decoded = decodeReply(bytes, nonce)
          if (decoded.ok) expect(bytes.length).toBeGreaterThanOrEqual(NTP_HEADER_BYTES)
          else expect(typeof decoded.error.kind).toBe('string')
        }),
        fuzz(20_260_301, 5000),
      )
    })

    it('with our nonce planted, classifies random headers exactly as the RFC rules say', () => {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 48, maxLength: 48 }), (bytes) => {
          bytes.set(nonce, 24)
          const leap = bytes[0]! >> 6
          const version = (bytes[0]! >> 3) & 7
          const mode = bytes[0]! & 7
          const stratum = bytes[1]!
          const zero = (at: number) => bytes.subarray(at, at + 8).every((b) => b === 0)
          const decoded = decodeReply(bytes, nonce)
          const expected =
            mode !== 4 ? 'wrong-mode'
            : version !== 3 && version !== 4 ? 'wrong-version'
            : stratum === 0 ? ['kiss-o-death', 'unsynchronised']
            : leap === 3 ? 'unsynchronised'
            : stratum > 15 ? 'bad-stratum'
            : zero(40) ? 'zero-transmit'
            : zero(32) ? 'zero-receive'
            : 'ok'
          const got = decoded.ok ? 'ok' : decoded.error.kind
          if (Array.isArray(expected)) expect(expected).toContain(got)
          else expect(got).toBe(expected)
        }),
        fuzz(42, 5000),
      )
    })

    it('random tails after a valid header never throw', () => {
      const header = craftReply(request, now)
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 0, maxLength: 200 }), (tail) => {
          const bytes = new Uint8Array(header.length + tail.length)
          bytes.set(header)
          bytes.set(tail, header.length)
          const decoded = decodeReply(bytes, nonce)
          expect(decoded.ok || decoded.error.kind === 'long').toBe(true)
        }),
        fuzz(7, 3000),
      )
    })
  })
})
