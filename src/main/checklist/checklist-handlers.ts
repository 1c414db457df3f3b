import { ok } from '../../shared/result'
import type { AreaHandlers } from '../core/dispatch'
import type { ChecklistService } from './checklist-api'

/** `checklist.*`: the security checklist, its report, and recovery from a damaged file. */
export function checklistHandlers(checklist: ChecklistService): AreaHandlers<'checklist'> {
  return {
    'checklist.get': async () => ok(await checklist.viewInSlices()),
    'checklist.setItem': (change) => checklist.setItem(change),
    'checklist.setRegion': ({ accountId, region }) => checklist.setRegion(accountId, region),
    'checklist.exportReport': ({ format }) => ok(checklist.exportReport(format)),
    'checklist.recover': ({ use }) => checklist.recover(use),
  }
}
