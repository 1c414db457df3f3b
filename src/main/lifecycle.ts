import type { BackupService } from './backup/backup-service'
import type { ChecklistService } from './checklist/checklist-api'
import type { ClockService } from './clock/clock-service'
import { watchNetwork } from './clock/network-watch'
import type { FrameService } from './codes/frame-service'
import type { Logger } from './core/log'
import type { IconService } from './icons/icon-service'
import type { AutoLock } from './lock/auto-lock'
import type { ClipboardGuard } from '../shared/clipboard-guard'
import type { Vault } from './vault/vault'

export type StartedServices = Readonly<{
  log: Logger
  vault: Vault
  checklist: ChecklistService
  icons: IconService
  backups: BackupService
  clock: ClockService
  codes: FrameService
  clipboard: ClipboardGuard
  autoLock: AutoLock
}>

/**
 * Starts what runs by itself (the keychain read, automatic backups, clock
 * checks, the network watch, the auto-lock) and says how to stop it. `ready` resolves
 * once every secret is loaded and the start-up tidy-ups are done.
 */
export function startServices(s: StartedServices): { ready: Promise<void>; dispose: () => Promise<void> } {
  const { log, vault, checklist, icons, backups, clock, codes, clipboard, autoLock } = s
  const ready = vault
    .start()
    .then(async () => {
      await checklist.moveRegionsToAccounts()
      // No removal waits for its undo window at start-up: an image whose account is gone, or no longer shows it, can go.
      await icons.prune(new Set(vault.accounts().filter((a) => a.icon.kind === 'image').map((a) => a.id)))
    })
    .catch((e: unknown) => log.error('start-up failed', e))
  const backupsStarted = backups.start().catch((e: unknown) => log.error('automatic backups did not start', e))
  clock.start()
  autoLock.start()
  const stopNetworkWatch = watchNetwork(() => clock.notifyNetworkChange(), { log })
  // A backup waiting for its quiet period is written before the vault closes.
  const dispose = async () => (clock.stop(), autoLock.stop(), stopNetworkWatch(), codes.dispose(), clipboard.dispose(), await backupsStarted, await backups.dispose(), await vault.dispose())
  return { ready, dispose }
}
