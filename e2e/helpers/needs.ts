import { test, type TestInfo } from '@playwright/test'
import { inCi, missingUnderCi } from '../../test/helpers/ci'

/**
 * Inside a test that needs something this machine may lack (`missing` says
 * why it cannot run; null: it can): skips it with the reason locally, fails it
 * under `CI=true` (test/helpers/ci.ts).
 */
export function needs(missing: string | null): void {
  if (missing === null) return
  if (inCi()) throw new Error(missingUnderCi(missing))
  test.skip(true, missing)
}

/**
 * For one step of a longer test: whether it can run. Locally a missing piece
 * skips only that step (noted on the test); under `CI=true` it fails the test.
 */
export function canRunStep(missing: string | null, testInfo: TestInfo): boolean {
  if (missing === null) return true
  if (inCi()) throw new Error(missingUnderCi(missing))
  testInfo.annotations.push({ type: 'skipped step', description: missing })
  return false
}
