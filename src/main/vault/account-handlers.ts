import { apiError, type AccountSummary, type ApiError, type FileData, type IconImage } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import type { AreaHandlers } from '../core/dispatch'
import { checkAccountText } from '../otp/key-input'
import { newAccountFrom } from './new-account'
import { revealAccount } from './reveal'
import { accountsWithKey } from './same-key'
import type { Vault } from './vault'

/** The keychain's state and the user's recovery choices (`vault.*`). */
export function vaultHandlers(vault: Vault): AreaHandlers<'vault'> {
  return {
    'vault.status': () => ok(vault.status()),
    'vault.retry': async () => ok(await vault.retry()),
    'vault.useBackup': async () => ok(await vault.useBackup()),
    'vault.adoptOrphans': ({ ids }) => vault.adoptOrphans(ids),
    'vault.deleteOrphans': ({ ids }) => vault.deleteOrphans(ids),
  }
}

/** The user's own icon images (`icons/icon-service.ts`), checked and kept outside the vault. */
export type AccountIcons = Readonly<{
  setImage(accountId: string, file: FileData): Promise<Result<AccountSummary, ApiError>>
  image(accountId: string): Promise<Result<IconImage | null, ApiError>>
}>

/** The accounts themselves (`accounts.*`). `now`: for the last use and the date a code was confirmed working. */
export function accountHandlers(vault: Vault, icons: AccountIcons, now: () => number): AreaHandlers<'accounts'> {
  return {
    'accounts.list': () => ok([...vault.accounts()]),
    'accounts.get': ({ id }) => {
      const account = vault.get(id)
      return account ? ok(account) : err(apiError('not-found', 'That account does not exist.'))
    },
    'accounts.check': ({ text }) => ok(checkAccountText(text, (key) => accountsWithKey(vault, key))),
    'accounts.add': (input) => {
      const item = newAccountFrom(input)
      return item.ok ? vault.add(item.value.draft, item.value.key) : item
    },
    'accounts.markUsed': ({ id }) => vault.update({ id, lastUsedAt: now() }),
    'accounts.confirmWorking': ({ id }) => vault.update({ id, verifiedAt: now() }),
    'accounts.setIconImage': ({ id, file }) => icons.setImage(id, file),
    'accounts.iconImage': ({ id }) => icons.image(id),
    'accounts.update': (patch) => vault.update(patch),
    'accounts.reorder': ({ ids }) => vault.reorder(ids),
    'accounts.remove': ({ id }) => vault.remove(id),
    'accounts.undoRemove': ({ id }) => vault.undoRemove(id),
    'accounts.reveal': ({ id }) => revealAccount(vault, id),
  }
}
