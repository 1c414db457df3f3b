import type { AccountRef } from '../../shared/contract'
import type { Vault } from './vault'

/** The accounts whose secret is exactly these key bytes (compared in main; the key never leaves it). */
export function accountsWithKey(vault: Pick<Vault, 'accounts' | 'key'>, key: Uint8Array): AccountRef[] {
  return vault
    .accounts()
    .filter((account) => sameBytes(vault.key(account.id), key))
    .map(({ id, issuer, label }) => ({ id, issuer, label }))
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && a.length === b.length && a.every((byte, i) => byte === b[i])
}
