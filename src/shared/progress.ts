import type { ChecklistProgress } from './contract/checklist'

/**
 * The one rounding rule for checklist progress, in the app and in reports:
 * whole percent, rounded down, so 139 of 140 reads 99 %, never a premature
 * 100 %, and 36 of 140 reads 25 % everywhere. 0 of 0 is 0 %.
 */
export function percentDone(progress: ChecklistProgress): number {
  return progress.total === 0 ? 0 : Math.floor((progress.done * 100) / progress.total)
}
