import { describe, expect, it } from 'vitest'
import { openItem, protectionOf, sealItem } from './item-seal'
import { createKeyRing, newVaultKey } from './vault-key'

describe('a sealed keychain item', () => {
  const key = newVaultKey()
  const keyFor = (id: string) => (id === key.id ? key : undefined)

  it('opens to the secret only for the account it was sealed for, with the key it names', () => {
    const stored = sealItem(key, 'acc_one', 'JBSWY3DPEHPK3PXP')
    expect(protectionOf(stored)).toEqual({ kind: 'sealed', keyId: key.id })
    expect(openItem(keyFor, 'acc_one', stored)).toBe('JBSWY3DPEHPK3PXP')
    // The account id is the associated data: the same item under another account's name does not open.
    expect(openItem(keyFor, 'acc_two', stored)).toBeNull()
    // Another key of the same id (a forged one) does not open it either.
    expect(openItem(() => ({ id: key.id, bytes: new Uint8Array(32) }), 'acc_one', stored)).toBeNull()
    expect(openItem(() => undefined, 'acc_one', stored)).toBeNull()
  })

  it('uses a fresh nonce each time, and hides the secret length to 64 bytes', () => {
    const a = sealItem(key, 'acc_one', 'JBSWY3DPEHPK3PXP')
    const b = sealItem(key, 'acc_one', 'JBSWY3DPEHPK3PXP')
    const long = sealItem(key, 'acc_one', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSW')
    expect(a).not.toBe(b)
    expect(a.length).toBe(long.length)
    // Any secret text, even one ending in what the padding uses.
    const odd = 'pässwörd\u0000\u0080='
    expect(openItem(keyFor, 'acc_one', sealItem(key, 'acc_one', odd))).toBe(odd)
  })

  it('refuses a flipped bit and a malformed item; a plain item is itself', () => {
    const stored = sealItem(key, 'acc_one', 'JBSWY3DPEHPK3PXP')
    const body = Buffer.from(stored.slice(26), 'base64url')
    body[body.length - 1]! ^= 1
    expect(openItem(keyFor, 'acc_one', `${stored.slice(0, 26)}${body.toString('base64url')}`)).toBeNull()
    expect(protectionOf('sglock:1:nothex:abc')).toEqual({ kind: 'damaged' })
    expect(openItem(keyFor, 'acc_one', 'sglock:1:nothex:abc')).toBeNull()
    expect(protectionOf('JBSWY3DPEHPK3PXP')).toEqual({ kind: 'plain' })
    expect(openItem(keyFor, 'acc_one', 'JBSWY3DPEHPK3PXP')).toBe('JBSWY3DPEHPK3PXP')
  })

  it('the key ring overwrites every key it drops', () => {
    const ring = createKeyRing()
    const a = newVaultKey()
    const b = newVaultKey()
    ring.add(a)
    ring.add(b)
    ring.remove(a.id)
    expect(a.bytes.every((x) => x === 0)).toBe(true)
    expect(b.bytes.some((x) => x !== 0)).toBe(true)
    ring.clear()
    expect(b.bytes.every((x) => x === 0)).toBe(true)
    expect(ring.size).toBe(0)
  })
})
