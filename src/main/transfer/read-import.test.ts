import { describe, expect, it } from 'vitest'
import { importFixture } from '../../../test/helpers/import-fixtures'
import { workerCrypto } from '../../../test/helpers/transfer-worker'
import type { WorkProgress } from './crypto-work'
import { importFile } from './detect'
import { readImport } from './read-import'

/** [folder, file, password, key file]: plain and encrypted, text, JSON, CSV, XML, zip and KeePass. */
const FILES = [
  ['andotp', 'otpclient-andotp-plain.json', null, null],
  ['andotp', 'otpclient-andotp-encrypted.bin', 'test', null],
  ['authy', 'aegis-authy_plain.xml', null, null],
  ['bitwarden', 'aegis-bitwarden.csv', null, null],
  ['1password', 'vectors-1PasswordExport.1pux', null, null],
  ['proton-pass', 'protonpass-export.zip', null, null],
  ['keepass', 'kdbx4-argon2id-chacha20-keyfile.kdbx', 'test', 'kdbx4.keyx'],
] as const

const list = Array.from({ length: 1000 }, (_, i) => `otpauth://totp/Shop%20${i}:seller${i}%40example.com?secret=JBSWY3DPEHPK3P${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[i % 32]}Q&issuer=Shop%20${i}`).join('\n')

describe('reading an import file on the transfer worker', () => {
  it.each(FILES)('%s/%s: the same accounts, errors and warnings as on this thread', async (folder, file, password, keyFile) => {
    const options = { ...(password ? { password } : {}), ...(keyFile ? { keyFile: importFixture(folder, keyFile) } : {}) }
    const here = await importFile(importFixture(folder, file), options)
    expect(here.ok).toBe(true)
    expect(await readImport(importFixture(folder, file), { ...options, work: await workerCrypto() })).toEqual(here)
  })

  it('1,000 links, as text, and the errors of a wrong password, the same too', async () => {
    const work = await workerCrypto()
    const here = await importFile(list)
    expect(here.ok && here.value.accounts).toHaveLength(1000)
    expect(await readImport(list, { work })).toEqual(here)
    const wrong = importFixture('andotp', 'otpclient-andotp-encrypted.bin')
    const refused = await readImport(wrong, { password: 'not it', work })
    expect(refused).toEqual(await importFile(wrong, { password: 'not it' }))
    expect(refused).toMatchObject({ ok: false, error: { kind: 'wrong-password' } })
  })

  it('reports the key derivation’s progress, and a cancel is "cancelled"', async () => {
    const work = await workerCrypto()
    const progress: WorkProgress[] = []
    const file = importFixture('keepass', 'kdbx4-argon2id-chacha20-keyfile.kdbx')
    const keyFile = importFixture('keepass', 'kdbx4.keyx')
    expect(await readImport(file, { password: 'test', keyFile, work, onProgress: (p) => progress.push(p) })).toMatchObject({ ok: true, value: { format: 'keepass' } })
    expect(progress[0]?.estimateMs).toBeGreaterThan(0)
    expect(progress.at(-1)?.fraction).toBe(1)
    const controller = new AbortController()
    const reading = readImport(file, { password: 'test', keyFile, work, signal: controller.signal })
    controller.abort()
    expect(await reading).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
  })
})
