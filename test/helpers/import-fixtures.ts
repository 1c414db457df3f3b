import { readFileSync } from 'node:fs'
import path from 'node:path'

/** The import fixtures committed under test/fixtures/import/<format>/ (see each folder's README.md). */
export const IMPORT_FIXTURES = path.resolve(__dirname, '../fixtures/import')

export function importFixture(format: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(IMPORT_FIXTURES, format, name)))
}

export function importFixtureText(format: string, name: string): string {
  return readFileSync(path.join(IMPORT_FIXTURES, format, name), 'utf8')
}
