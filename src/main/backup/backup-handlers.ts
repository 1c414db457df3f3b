import { ok } from '../../shared/result'
import type { AreaHandlers } from '../core/dispatch'
import type { BackupRestore } from './backup-restore'
import type { BackupService } from './backup-service'

/** `backup.*`: automatic backups' settings, state, "Back up now", the restore drill, the folder picker and restoring one. */
export function backupHandlers(backups: BackupService, restore: BackupRestore, chooseFolder: (() => Promise<string | null>) | undefined): AreaHandlers<'backup'> {
  return {
    'backup.status': () => ok(backups.status()),
    'backup.configure': (change) => backups.configure(change),
    'backup.backUpNow': async () => ok(await backups.backUpNow()),
    'backup.verify': async () => ok(await backups.verify()),
    'backup.chooseFolder': async () => ok({ folder: chooseFolder ? await chooseFolder() : null }),
    'backup.list': () => restore.list(),
    'backup.preview': ({ name, password }) => restore.preview(name, password),
  }
}
