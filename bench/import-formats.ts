import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { zipSync } from 'fflate'
import { encodeBase32 } from '../src/main/otp/base32'

/*
 * Export files of N accounts for the import bench, one per format family,
 * written the way each app writes them (KeePass ones by keepassxc-cli).
 */

export type Generated = Readonly<{ bytes: Uint8Array; password?: string }>
export type Account = Readonly<{ issuer: string; label: string; secret: string }>

export function accounts(n: number): Account[] {
  return Array.from({ length: n }, (_, i) => ({ issuer: `Service ${i}`, label: `seller${i}@example.com`, secret: encodeBase32(randomBytes(20)) }))
}

const uri = (a: Account) => `otpauth://totp/${encodeURIComponent(a.issuer)}:${encodeURIComponent(a.label)}?secret=${a.secret}&issuer=${encodeURIComponent(a.issuer)}`
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))

/** Text: one otpauth:// link a line (Aegis's, Ente's and FreeOTP+'s plain export). */
export function otpauthList(list: readonly Account[]): Generated {
  return { bytes: utf8(list.map(uri).join('\n')) }
}

/** Authenticator JSON: an Aegis vault (content version 3). */
export function aegisJson(list: readonly Account[]): Generated {
  const entries = list.map((a, i) => ({ type: 'totp', uuid: `u${i}`, name: a.label, issuer: a.issuer, note: '', icon: null, info: { secret: a.secret, algo: 'SHA1', digits: 6, period: 30 }, groups: [] }))
  return { bytes: utf8(JSON.stringify({ version: 1, header: { slots: null, params: null }, db: { version: 3, entries, groups: [] } })) }
}

/** Password-manager CSV: Bitwarden's, with half the rows passwords without a code. */
export function bitwardenCsv(list: readonly Account[]): Generated {
  const rows = list.flatMap((a) => [`,,login,${a.issuer},,,0,https://example.com,${a.label},pw,${uri(a)}`, `,,login,${a.issuer} mail,,,0,https://mail.example,${a.label},pw,`])
  return { bytes: utf8(['folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp', ...rows].join('\n')) }
}

/** Zip: a 1Password .1pux (export.attributes + export.data). */
export function onePux(list: readonly Account[]): Generated {
  const items = list.map((a, i) => ({
    uuid: `item${i}`,
    categoryUuid: '001',
    state: 'active',
    overview: { title: a.issuer, url: 'https://example.com' },
    details: { loginFields: [{ designation: 'username', value: a.label, name: 'username', fieldType: 'T' }], sections: [{ title: '', fields: [{ title: 'one-time password', id: `TOTP_${i}`, value: { totp: uri(a) } }] }] },
  }))
  const data = { accounts: [{ attrs: { accountName: 'Bench', name: 'Bench', uuid: 'A' }, vaults: [{ attrs: { uuid: 'v', name: 'Personal', type: 'P' }, items }] }] }
  return { bytes: zipSync({ 'export.attributes': utf8(JSON.stringify({ version: 3, description: '1Password Unencrypted Export', timestamp: 1 })), 'export.data': utf8(JSON.stringify(data)) }) }
}

const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/import/keepass')

/** The KeePass 2 XML of `list` (KeePassXC's `otp` field). */
function keepassXml(list: readonly Account[]): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const entries = list.map((a, i) => `<Entry><UUID>${Buffer.alloc(16, 0).fill(i % 256, 0, 1).fill(Math.floor(i / 256), 1, 2).toString('base64')}</UUID><String><Key>Title</Key><Value>${esc(a.issuer)}</Value></String><String><Key>UserName</Key><Value>${esc(a.label)}</Value></String><String><Key>otp</Key><Value>${esc(uri(a))}</Value></String></Entry>`)
  return `<?xml version="1.0" encoding="UTF-8"?><KeePassFile><Meta><Generator>bench</Generator></Meta><Root><Group><UUID>${Buffer.alloc(16, 255).toString('base64')}</UUID><Name>Root</Name>${entries.join('')}</Group></Root></KeePassFile>`
}

export type KdbxCost = Readonly<{ kind: 'aes-kdf'; decryptionTimeMs: number } | { kind: 'argon2d' | 'argon2id'; memoryMiB: number; iterations: number }>

/**
 * A KeePass database of `list`, made by keepassxc-cli: KDBX 3.1 with
 * AES-KDF at KeePassXC's benchmark for `decryptionTimeMs`, or KDBX 4 with
 * Argon2 at the cost given (as test/fixtures/import/keepass/make-fixtures.sh makes it).
 */
export function keepass(list: readonly Account[], cost: KdbxCost): Generated & { describe: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-kdbx-'))
  const cli = (args: string[], input: string) => execFileSync('keepassxc-cli', args, { input, stdio: ['pipe', 'pipe', 'ignore'] }).toString()
  writeFileSync(path.join(dir, 'in.xml'), keepassXml(list))
  const base = path.join(dir, 'base.kdbx')
  const time = cost.kind === 'aes-kdf' ? cost.decryptionTimeMs : 100
  cli(['import', '-q', '-p', '-t', String(time), path.join(dir, 'in.xml'), base], 'bench\nbench\n')
  let file = base
  if (cost.kind !== 'aes-kdf') {
    const full = path.join(dir, 'full.xml')
    writeFileSync(full, cli(['export', '-q', '-f', 'xml', base], 'bench\n'))
    file = path.join(dir, 'kdbx4.kdbx')
    execFileSync(process.execPath, [path.join(FIXTURES, 'make-kdbx4.mjs'), full, file, cost.kind, 'chacha20', 'bench'], { env: { ...process.env, KDBX_MEMORY_MIB: String(cost.memoryMiB), KDBX_ITERATIONS: String(cost.iterations) } })
    cli(['db-edit', '-q', '-p', file], 'bench\nbench\nbench\n')
  }
  const info = cli(['db-info', '-q', file], 'bench\n')
  const describe = `${/KDF: (.*)/.exec(info)?.[1] ?? '?'}, ${/Cipher: (.*)/.exec(info)?.[1] ?? '?'}`
  const bytes = new Uint8Array(readFileSync(file))
  rmSync(dir, { recursive: true, force: true })
  return { bytes, password: 'bench', describe }
}
