import { readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import QRCode from 'qrcode'
import { expect, test } from './fixtures'
import { needs } from './helpers/needs'
import { grouped, hotp, totpNow, totpWindow } from './helpers/totp'
import { INTEROP_DIR, VECTORS } from '../test/helpers/interop'

const INTEROP = path.join(INTEROP_DIR, 'aegis')
const AEGIS_ENCRYPTED = path.join(INTEROP, 'aegis_encrypted.json')

/** Every vector's row shows the code an independent implementation computes for it now. */
async function expectVectorCodes(page: Page) {
  for (const v of VECTORS) {
    const row = page.getByTestId('code-row').filter({ hasText: v.issuer }).filter({ hasText: v.label })
    await expect(row).toHaveCount(1)
    const shown = (await row.getByTestId('code').textContent())!.trim()
    if (v.type === 'totp') expect(totpWindow(v.secret, Date.now(), v.digits, v.period, v.algorithm).map(grouped)).toContain(shown)
    if (v.type === 'hotp') expect(shown).toBe(grouped(hotp(v.secret, v.counter, { algorithm: v.algorithm, digits: v.digits })))
    if (v.type === 'steam') expect(shown).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/)
  }
}

test.describe('moving in and backing up', () => {
  test.beforeEach(() => needs(existsSync(AEGIS_ENCRYPTED) ? null : `the interop fixtures are not beside this checkout (${INTEROP})`))

  test('import the encrypted Aegis vault with its password, then back up, wipe and restore', async ({ page, app }, testInfo) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
    await page.getByLabel('Export file').setInputFiles(AEGIS_ENCRYPTED)
    await expect(page.getByTestId('import-error')).toContainText(/password/i)
    await page.getByLabel('Password of this export').fill('wrong')
    await page.getByRole('button', { name: 'Open' }).click()
    await expect(page.getByTestId('import-error')).toContainText(/password/i)
    await page.getByLabel('Password of this export').fill('test')
    await page.getByRole('button', { name: 'Open' }).click()
    const dialog = page.getByTestId('import-dialog')
    await expect(dialog.getByRole('heading')).toHaveText('Import from Aegis')
    await expect(dialog.getByTestId('import-entry')).toHaveCount(7)
    await expect(dialog.getByTestId('import-entry').filter({ hasText: 'SPDX' })).toContainText('TOTP · SHA256 · 7 digits · 20 s')
    await page.screenshot({ path: testInfo.outputPath('import-preview.png') })
    await dialog.getByRole('button', { name: 'Import 7 accounts' }).click()
    await expect(page.getByTestId('toast')).toContainText('Added 7 accounts')

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).click()
    await expect(page.getByTestId('code-row')).toHaveCount(7)
    await expectVectorCodes(page)

    // Importing the same file again finds only duplicates, unticked.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
    const plain = path.join(INTEROP, 'aegis_plain.json')
    await page.getByLabel('Export file').setInputFiles(plain)
    await expect(page.getByTestId('import-dialog').getByText('already in SellerGuard')).toHaveCount(7)
    await expect(page.getByTestId('import-dialog').getByRole('button', { name: 'Import 0 accounts' })).toBeDisabled()
    await page.getByTestId('import-dialog').getByRole('button', { name: 'Cancel' }).click()

    // A tick on the checklist, to come back with the backup.
    const ticked = await page.evaluate(async () => {
      const list = await window.sellerguard.accounts.list()
      const deno = list.ok ? list.value.find((a) => a.issuer === 'Deno') : undefined
      return deno ? window.sellerguard.checklist.setItem({ accountId: deno.id, itemId: 'contact-details', done: true, note: 'phone checked' }) : null
    })
    expect(ticked).toMatchObject({ ok: true })

    // Encrypted backup: the download is the backup file.
    await page.getByLabel('Backup password', { exact: true }).fill('correct horse battery')
    await page.getByLabel('Repeat the password').fill('correct horse battery')
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Save encrypted backup' }).click()
    const download = await downloading
    const backupFile = testInfo.outputPath('backup.json')
    await download.saveAs(backupFile)
    const backup = readFileSync(backupFile, 'utf8')
    expect(JSON.parse(backup)).toMatchObject({ format: 'sellerguard-backup', version: 1, kdf: { name: 'scrypt' }, cipher: { name: 'aes-256-gcm' } })
    for (const v of VECTORS) expect(backup).not.toContain(v.secret)

    // A new computer: empty data folder, empty keychain.
    await app.restart({ wipe: true })
    await expect(page.getByTestId('empty-state')).toBeVisible()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
    await page.getByLabel('Export file').setInputFiles(backupFile)
    await page.getByLabel('Password of this export').fill('correct horse battery')
    await page.getByRole('button', { name: 'Open' }).click()
    await page.getByTestId('import-dialog').getByRole('button', { name: 'Import 7 accounts' }).click()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).click()
    await expect(page.getByTestId('code-row')).toHaveCount(7)
    await expectVectorCodes(page)
    // The checklist came back too, on the restored account.
    const restored = await page.evaluate(async () => {
      const view = await window.sellerguard.checklist.get()
      if (!view.ok) return undefined
      // Items come packed: each points at its definition (shared/checklist-packing.ts).
      const deno = view.value.accounts.find((a) => a.issuer === 'Deno')
      return deno?.items.find((i) => view.value.definitions[i.def]?.id === 'contact-details')
    })
    expect(restored).toMatchObject({ status: 'done', note: 'phone checked' })
  })
})

test('add an account from a QR image: generated, and inside a screenshot', async ({ page, browser }, testInfo) => {
  const key = 'KRSXG5CTMVRXE5DFONXWC3TFMFZWK4ZA'
  const uri = `otpauth://totp/Amazon%20Seller%20Central:qr%40example.com?secret=${key}&issuer=Amazon%20Seller%20Central`
  const png = testInfo.outputPath('qr.png')
  await QRCode.toFile(png, uri, { type: 'png', margin: 2, width: 300 })

  await page.getByRole('button', { name: 'Add account' }).first().click()
  await page.getByTestId('qr-file').setInputFiles(png)
  const dialog = page.getByTestId('import-dialog')
  await expect(dialog.getByLabel('Name')).toHaveValue('Amazon Seller Central')
  await expect(dialog.getByLabel('Account')).toHaveValue('qr@example.com')
  await dialog.getByRole('button', { name: 'Add account' }).click()
  // As with a typed key: the code to enter on the site to finish setup (its frame is pushed just after the reply).
  await expect(page.getByTestId('added-dialog').getByTestId('added-code')).toHaveText(totpNow(key))
  await page.getByTestId('added-dialog').getByRole('button', { name: 'Done' }).click()
  const row = page.getByTestId('code-row')
  await expect(row).toHaveCount(1)
  await expect(row.getByTestId('code')).toHaveText(totpNow(key))

  // A screenshot-like image: the QR code inside a busy page, captured by Chromium.
  const key2 = 'ONXWC3TFMFZWK4ZAMJQXEY3PMRSSAZLO'
  const svg = await QRCode.toString(`otpauth://totp/KDP:author%40example.com?secret=${key2}&issuer=KDP`, { type: 'svg', margin: 2 })
  const shot = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await shot.setContent(`<body style="font-family:sans-serif;background:#f4f4f4;margin:40px">
    <h1>Two-Step Verification</h1><p>Scan the QR code with your authenticator app, then enter the code.</p>
    <div style="display:flex;gap:40px"><div style="width:220px;background:#fff;padding:10px">${svg}</div>
    <ol><li>Open the app</li><li>Scan</li><li>Enter the code</li></ol></div><footer style="margin-top:80px;color:#888">© Example</footer></body>`)
  const screenshot = testInfo.outputPath('screenshot-with-qr.png')
  await shot.screenshot({ path: screenshot })
  await shot.close()
  await page.getByRole('button', { name: 'Add account' }).first().click()
  await page.getByTestId('qr-file').setInputFiles(screenshot)
  await expect(page.getByTestId('import-dialog').getByLabel('Name')).toHaveValue('KDP')
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Add account' }).click()
  await page.getByTestId('added-dialog').getByRole('button', { name: 'Done' }).click()
  await expect(page.getByTestId('code-row')).toHaveCount(2)
  const kdp = page.getByTestId('code-row').filter({ hasText: 'author@example.com' })
  await expect(kdp.getByTestId('code')).toHaveText(totpNow(key2))
})

test('a QR code that holds text, not a key, gets a message saying so', async ({ page }, testInfo) => {
  const png = testInfo.outputPath('blank.png')
  await QRCode.toFile(png, 'not an authenticator link, just text', { type: 'png' })
  await page.getByRole('button', { name: 'Add account' }).first().click()
  await page.getByTestId('qr-file').setInputFiles(png)
  await expect(page.getByTestId('add-error')).toContainText('This QR code holds text, not an authenticator key.')
})
