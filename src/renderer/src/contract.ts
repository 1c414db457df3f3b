/**
 * The renderer's one door to shared code: the contract's types, and its plain
 * values. No zod here: the page builds no schema (main validates every
 * request against them); the one check the page makes, of web mode's frames,
 * is plain code (shared/read-server-frame.ts).
 */
export type * from '../../shared/contract'
export * from '../../shared/contract/limits'
export * from '../../shared/contract/choices'
export { apiError } from '../../shared/contract/api-error'
export { buildApi } from '../../shared/contract/build-api'
export { hostProblem, TIME_SERVER_NAME, TIME_SITE_NAME } from '../../shared/contract/host-text'
export type { Result } from '../../shared/result'
export { groupCode } from '../../shared/group-code'
export { fold, KIND_LABELS, KIND_ORDER } from '../../shared/account-kinds'
export { describeAge, describeOffset, formatDetailMs, formatDuration, formatSigned, MINUS } from '../../shared/offset-text'
export { clockCondition, robustnessWords, type ClockCondition } from '../../shared/clock-condition'
export { codeAdvice, codeTiming, expectedCodeWords, type CodeTiming } from '../../shared/code-timing'
export { clockFixSteps, timeZoneFixSteps, type FixSteps } from '../../shared/clock-fix-steps'
export { EVIDENCE_DATE_WORDS, REGION_LABELS, REGION_ORDER, SECTION_TITLES, sourceText } from '../../shared/checklist-labels'
export { percentDone } from '../../shared/progress'
export { nameDetail, shortName, shortNameParts, SHORT_REGION_LABELS } from '../../shared/account-name'
export { compareAccounts, pinnedAccounts, sectionAccounts } from '../../shared/account-sections'
export { guessKind, guessRegion } from '../../shared/amazon-guess'
export { badgeFor, letterColours, LETTER_COLOURS, type Badge } from '../../shared/brands/badge'
export { BRANDS, brandById, type Brand } from '../../shared/brands/brand-table'
export { matchBrand } from '../../shared/brands/match-brand'
export { withoutDirectionControls } from '../../shared/bidi'
