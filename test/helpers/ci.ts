/**
 * CI's rule for tests that need a fixture, tool or service: where it is
 * missing they skip with the reason on a developer's machine, and FAIL under
 * `CI=true` (CI installs all of them, so a missing one there is a broken CI
 * machine, never a reason for a green run). Shared by Vitest (needs.ts) and
 * Playwright (e2e/helpers/needs.ts).
 */

/** Whether `CI` is set as CI services set it (`true`, `1`, any non-empty value but `false`/`0`). */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? '').trim().toLowerCase()
  return value !== '' && value !== 'false' && value !== '0'
}

/** The failure a test reports under CI when `missing` (why it cannot run) is not null. */
export function missingUnderCi(missing: string): string {
  return `cannot run: ${missing}. Under CI=true a missing fixture, tool or service fails the test instead of skipping it.`
}
