import { createChecklistPacker } from '../../shared/checklist-packing'
import type { ChecklistView, PackedChecklistView } from '../../shared/contract'
import { mapInSlices } from '../core/slices'

/** The view as it is sent (shared/checklist-packing.ts), a slice of accounts per turn: 1,000 accounts are 15,000 items. */
export async function packInSlices(view: ChecklistView): Promise<PackedChecklistView> {
  const packer = createChecklistPacker()
  return packer.finish(view, await mapInSlices(view.accounts, packer.account))
}
