import { randomBytes } from 'node:crypto'
import type { QuickUnlockPort } from '../lock/quick-unlock'
import { gcmOpen, gcmSeal, NONCE_BYTES, TAG_BYTES } from '../transfer/aes-gcm'

export type StandInTouchId = Readonly<{ port: QuickUnlockPort; answer: (yes: boolean) => void }>

/**
 * e2e only (web mode with its test hooks and SELLERGUARD_TEST_TOUCH_ID=1):
 * Touch ID cannot run here, so this stands in for it to drive Settings'
 * toggle and the unlock screen's button. It says no until a test answers
 * yes for one prompt (`/__test__/touch-id?answer=yes`, with the token), and
 * seals with a key held in memory only, as safeStorage seals with one the
 * OS keeps (a restart cannot open what it sealed).
 */
export function createStandInTouchId(): StandInTouchId {
  const key = new Uint8Array(randomBytes(32))
  let yes = false
  const port: QuickUnlockPort = {
    kind: 'touch-id',
    available: () => true,
    async verify() {
      const answer = yes
      yes = false
      return answer
    },
    seal(bytes) {
      const sealed = gcmSeal(key, bytes)
      return Buffer.concat([sealed.nonce, sealed.tag, sealed.ciphertext]).toString('base64')
    },
    open(text) {
      const all = Buffer.from(text, 'base64')
      const at = NONCE_BYTES + TAG_BYTES
      return gcmOpen(key, all.subarray(0, NONCE_BYTES), all.subarray(at), all.subarray(NONCE_BYTES, at))
    },
  }
  return { port, answer: (next) => void (yes = next) }
}
