import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountKind, AccountSummary } from '../../shared/contract'
import { EXPORT_ACCOUNTS } from '../../../test/helpers/export-accounts'
import { canRunStep } from '../../../test/helpers/needs'
import { oathtoolCode, oathtoolMissing } from '../../../test/helpers/oathtool'
import { createMemoryLogger } from '../core/log'
import { normaliseKey } from '../otp/base32'
import { codeFrame } from '../otp/generate'
import { createAccountStore } from '../vault/account-store'
import { createKeytarSecretStore } from '../../../test/helpers/keytar-store'
import type { SecretStore } from '../vault/secret-store'
import { createVault, type Vault } from '../vault/vault'
import { createTransferService, type TransferService } from './transfer-service'

/*
 * Each of the four exports, made by the transfer service from a vault on the
 * real keychain, restored through the same service (preview, then confirm)
 * into a fresh vault: every account comes back with the same issuer, name,
 * group, parameters and HOTP counter, and the same codes as oathtool's.
 */

const KINDS: readonly AccountKind[] = ['seller-central', 'kdp', 'associates', 'other']
const PASSWORD = 'export password ✓'
const NOW = 1_767_225_600_000
const log = createMemoryLogger()

type Side = { vault: Vault; transfer: TransferService; secrets: SecretStore; dir: string }

async function side(): Promise<Side> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-export-'))
  const secrets = createKeytarSecretStore(`SellerGuardTest-${randomBytes(6).toString('hex')}`)
  const vault = createVault({ secrets, store: createAccountStore(path.join(dir, 'accounts.json')), platform: 'linux', now: () => NOW, log })
  await vault.start()
  const transfer = createTransferService({
    vault,
    now: () => NOW,
    log,
    decodeQr: async () => ({ ok: true, value: [] }),
    screen: null,
    recordBackup: async () => undefined,
    extras: () => ({}),
    restoreChecklist: async () => undefined,
  })
  return { vault, transfer, secrets, dir }
}

async function dispose(s: Side): Promise<void> {
  await s.vault.dispose()
  for (const item of await s.secrets.list()) await s.secrets.delete(item.id)
  await fs.rm(s.dir, { recursive: true, force: true })
}

const fields = (a: AccountSummary) => ({ type: a.type, issuer: a.issuer, label: a.label, group: a.group, algorithm: a.algorithm, digits: a.digits, period: a.period, counter: a.counter })

describe('exports restored through the transfer service into a fresh vault (real keychain)', () => {
  let source: Side
  beforeAll(async () => {
    expect(process.env.DBUS_SESSION_BUS_ADDRESS, 'run under scripts/with-keyring.sh (npm run test:unit does)').toBeTruthy()
    source = await side()
    const added = await source.vault.addMany(
      EXPORT_ACCOUNTS.map((a, i) => {
        const key = normaliseKey(a.secret)
        if (!key.ok) throw new Error('bad test key')
        const { secret: _secret, group, ...rest } = a
        return { draft: { ...rest, group: group ?? '', kind: KINDS[i % KINDS.length]! }, key: key.value }
      }),
    )
    expect(added.ok).toBe(true)
  })
  afterAll(async () => dispose(source))

  const cases = [
    { name: 'SellerGuard backup', make: (t: TransferService) => t.exportBackup(PASSWORD), password: PASSWORD, keepsKind: true },
    { name: 'Aegis (encrypted)', make: (t: TransferService) => t.exportAegis(PASSWORD, false), password: PASSWORD, keepsKind: false },
    { name: '2FAS (encrypted)', make: (t: TransferService) => t.export2fas(PASSWORD, false), password: PASSWORD, keepsKind: false },
    { name: 'otpauth list (plain)', make: (t: TransferService) => t.exportOtpauthList(), password: undefined, keepsKind: false },
  ]

  it.each(cases)('$name: every account, field and code comes back', async ({ make, password, keepsKind }) => {
    const file = await make(source.transfer)
    if (!file.ok) throw new Error(file.error.message)
    const target = await side()
    try {
      const preview = await target.transfer.preview(file.value.content, password)
      if (!preview.ok) throw new Error(preview.error.message)
      expect(preview.value.problems).toEqual([])
      const confirmed = await target.transfer.confirm({ previewId: preview.value.previewId, indexes: preview.value.entries.map((e) => e.index) })
      if (!confirmed.ok) throw new Error(confirmed.error.message)

      const before = source.vault.accounts()
      const after = target.vault.accounts()
      expect(after.map(fields)).toEqual(before.map(fields))
      if (keepsKind) expect(after.map((a) => a.kind)).toEqual(before.map((a) => a.kind))
      for (const [i, account] of after.entries()) {
        const original = before[i]!
        // Read back from the keychain itself, not from the vault's memory.
        const restored = await target.vault.reveal(account.id)
        if (!restored.ok) throw new Error(restored.error.message)
        expect(restored.value.base32, `${account.issuer} key`).toBe(EXPORT_ACCOUNTS[i]!.secret)
        const code = codeFrame(account, restored.value.bytes, NOW).code
        expect(code).toBe(codeFrame(original, source.vault.key(original.id)!, NOW).code)
        if (canRunStep(oathtoolMissing)) {
          const reference = await oathtoolCode({ ...original, secret: EXPORT_ACCOUNTS[i]!.secret }, NOW / 1000)
          if (reference !== null) expect(code, `${account.issuer} against oathtool`).toBe(reference)
        }
      }
    } finally {
      await dispose(target)
    }
  })
})
