/** The renderer's one door to shared code: the contract and its result type. */
export * from '../../shared/contract'
export type { Result } from '../../shared/result'
export { groupCode } from '../../shared/group-code'
export { fold, KIND_LABELS, KIND_ORDER } from '../../shared/account-kinds'
export { describeOffset } from '../../shared/offset-text'
export { REGION_LABELS, SECTION_TITLES } from '../../shared/checklist-labels'
