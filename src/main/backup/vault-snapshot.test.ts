import { describe, expect, it } from 'vitest'
import { testAccount } from '../../../test/helpers/accounts'
import { BackupPayload } from '../transfer/backup-schema'
import type { Vault } from '../vault/vault'
import { vaultSnapshot } from './vault-snapshot'

/** The vault as the snapshot reads it: ready, every key loaded. */
function readyVault(accounts: ReturnType<typeof testAccount>[]): Vault {
  const status = { state: 'ready', metadataProblem: null, loaded: accounts.length, total: accounts.length, keychainName: 'keyring' }
  return { status: () => status, accounts: () => accounts, key: () => new Uint8Array(20).fill(7) } as unknown as Vault
}

describe('vaultSnapshot', () => {
  it('holds only the fields backup version 1 names, so accounts with a region, pin, icon or confirmation still back up', () => {
    const accounts = [
      testAccount(1, { region: 'eu', pinned: true, verifiedAt: 1_767_225_700_000, lastUsedAt: 1_767_225_800_000, icon: { kind: 'brand', brand: 'amazon' } }),
      testAccount(2, { kind: 'aws' }),
    ]
    const snapshot = vaultSnapshot(readyVault(accounts), () => ({}))
    expect(snapshot.ok).toBe(true)
    if (!snapshot.ok) return
    // The backup schema is strict: a field it does not name would make the whole backup "not valid".
    expect(BackupPayload.safeParse({ accounts: snapshot.value.accounts }).success).toBe(true)
    expect(Object.keys(snapshot.value.accounts[0]!).sort()).toEqual(['algorithm', 'counter', 'createdAt', 'digits', 'group', 'id', 'issuer', 'kind', 'label', 'order', 'period', 'secret', 'type', 'updatedAt'])
  })
})
