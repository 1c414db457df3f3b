import { describe, it, type TestFunction } from 'vitest'
import { inCi, missingUnderCi } from './ci'

type Needing = Readonly<{
  describe: (title: string, body: () => void) => void
  it: (title: string, body: TestFunction, timeout?: number) => void
}>

/**
 * `describe` and `it` for tests that need something this machine may lack.
 * `missing` says why they cannot run here (null: they can). Then locally they
 * are skipped, the reason in their title and on stderr; under `CI=true` each
 * becomes one failing test that says what is missing (see ci.ts).
 *
 *   needs(chronydUnavailable()).describe('SNTP against chronyd', () => { … })
 */
export function needs(missing: string | null): Needing {
  if (missing === null) return { describe, it }
  if (inCi()) {
    const fail = () => {
      throw new Error(missingUnderCi(missing))
    }
    return { describe: (title) => describe(title, () => it('has what it needs', fail)), it: (title) => it(title, fail) }
  }
  const skipped = (title: string) => {
    console.warn(`SKIPPED "${title}": ${missing}`)
    return `${title} — SKIPPED: ${missing}`
  }
  return { describe: (title, body) => describe.skip(skipped(title), body), it: (title, body, timeout) => it.skip(skipped(title), body, timeout) }
}

/**
 * For one step of a longer test: whether it can run. Locally a missing piece
 * skips only that step (said on stderr); under `CI=true` it fails the test.
 */
export function canRunStep(missing: string | null): boolean {
  if (missing === null) return true
  if (inCi()) throw new Error(missingUnderCi(missing))
  console.warn(`SKIPPED a step: ${missing}`)
  return false
}
