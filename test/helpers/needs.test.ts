import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { inCi } from './ci'

const ROOT = path.resolve(__dirname, '../..')
const dir = mkdtempSync(path.join(os.tmpdir(), 'sellerguard-needs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type Outcome = Readonly<{ title: string; status: string; message: string }>

/** Runs needs-sample/sample.ts in a child Vitest with `CI` as given; returns each test's outcome. */
async function runSample(ci: string | undefined): Promise<Outcome[]> {
  const config = path.join(dir, 'vitest.config.mjs')
  writeFileSync(config, `export default { test: { root: ${JSON.stringify(ROOT)}, include: ['test/helpers/needs-sample/sample.ts'] } }\n`)
  const report = path.join(dir, `report-${ci ?? 'unset'}.json`)
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env.CI
  if (ci !== undefined) env.CI = ci
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', config, '--reporter=json', `--outputFile=${report}`], { cwd: ROOT, env }).catch(() => {})
  const json = JSON.parse(readFileSync(report, 'utf8')) as { testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[] }
  return json.testResults.flatMap((file) => file.assertionResults.map((t) => ({ title: t.fullName, status: t.status, message: t.failureMessages.join('\n') })))
}

describe('needs(): a missing fixture, tool or service', () => {
  it('skips with the reason in the title on a developer machine', async () => {
    const outcomes = await runSample(undefined)
    expect(outcomes.map(({ title, status }) => [title, status])).toEqual([
      ['a suite needing a tool — SKIPPED: the sample tool is not installed runs inside', 'skipped'],
      ['a test needing a fixture — SKIPPED: the sample fixture is absent', 'skipped'],
      ['a test with what it needs', 'passed'],
    ])
  })

  it('fails under CI=true, saying what is missing', async () => {
    const outcomes = await runSample('true')
    expect(outcomes.map(({ title, status }) => [title, status])).toEqual([
      ['a suite needing a tool has what it needs', 'failed'],
      ['a test needing a fixture', 'failed'],
      ['a test with what it needs', 'passed'],
    ])
    expect(outcomes[0]!.message).toContain('cannot run: the sample tool is not installed. Under CI=true')
    expect(outcomes[1]!.message).toContain('cannot run: the sample fixture is absent.')
  })

  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['true', true],
    ['1', true],
    ['TRUE', true],
  ])('CI=%s counts as CI: %s', (value, expected) => {
    expect(inCi(value === undefined ? {} : { CI: value })).toBe(expected)
  })
})
