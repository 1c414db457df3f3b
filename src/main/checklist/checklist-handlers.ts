import { ok, type Result } from '../../shared/result'
import type { ApiError, ChecklistView, PackedChecklistView } from '../../shared/contract'
import type { AreaHandlers } from '../core/dispatch'
import type { ChecklistService } from './checklist-api'
import { packInSlices } from './packed-view'

/** A view reply as it is sent: packed (definitions once). */
async function packed(reply: Promise<Result<ChecklistView, ApiError>>): Promise<Result<PackedChecklistView, ApiError>> {
  const result = await reply
  return result.ok ? ok(await packInSlices(result.value)) : result
}

/** `checklist.*`: the security checklist, its report, and recovery from a damaged file. */
export function checklistHandlers(checklist: ChecklistService): AreaHandlers<'checklist'> {
  return {
    'checklist.get': async () => ok(await packInSlices(await checklist.viewInSlices())),
    'checklist.setItem': (change) => packed(checklist.setItem(change)),
    'checklist.setRegion': ({ accountId, region }) => packed(checklist.setRegion(accountId, region)),
    'checklist.exportReport': ({ format }) => ok(checklist.exportReport(format)),
    'checklist.recover': ({ use }) => packed(checklist.recover(use)),
  }
}
