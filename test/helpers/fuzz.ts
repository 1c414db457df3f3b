/**
 * fast-check parameters for the parser fuzzers: a fixed seed and a modest
 * run count in `npm test` (repeatable), many more runs from a fresh seed
 * under STRESS=1 (`npm run test:stress`). The seed used is printed, and
 * FUZZ_SEED pins it to replay a failure.
 */
const STRESS = process.env.STRESS === '1'
const PINNED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : null
const STRESS_FACTOR = 50

export function fuzz(seed: number, numRuns: number): { seed: number; numRuns: number } {
  if (!STRESS) return { seed: PINNED ?? seed, numRuns }
  const chosen = PINNED ?? (Date.now() ^ seed) >>> 0
  console.info(`fuzz: STRESS run with seed ${chosen} (replay with FUZZ_SEED=${chosen})`)
  return { seed: chosen, numRuns: numRuns * STRESS_FACTOR }
}
