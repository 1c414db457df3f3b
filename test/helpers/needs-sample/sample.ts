// Run only by needs.test.ts, in a child Vitest: one suite and one test missing something, one that has it.
import { expect } from 'vitest'
import { needs } from '../needs'

needs('the sample tool is not installed').describe('a suite needing a tool', () => {
  needs(null).it('runs inside', () => expect(1).toBe(1))
})
needs('the sample fixture is absent').it('a test needing a fixture', () => expect(1).toBe(1))
needs(null).it('a test with what it needs', () => expect(1).toBe(1))
