import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
}

async function addAccount(page: Page, issuer: string) {
  const added = await page.evaluate(async ([text, name]) => window.sellerguard.accounts.add({ text, issuer: name, label: 'seller@example.com' }), [KEY, issuer] as const)
  expect(added).toMatchObject({ ok: true })
}

test('automatic backups: set up from the banner, back up, verify, and a missing folder shown as a state', async ({ page, app }, testInfo) => {
  await addAccount(page, 'Amazon Seller Central')
  const banner = page.getByTestId('backup-banner')
  await expect(banner).toHaveAttribute('data-state', 'needs-password')
  await page.screenshot({ path: testInfo.outputPath('backup-banner-not-set-up.png') })

  await banner.getByRole('button', { name: 'Set up backups' }).click()
  const section = page.getByTestId('backup-settings')
  await expect(section).toBeInViewport()
  await section.getByLabel('Password for automatic backups').fill('short')
  await section.getByLabel('Repeat it').fill('short')
  await section.getByRole('button', { name: 'Set password and start backups' }).click()
  await expect(section.getByRole('alert')).toContainText('at least 8 characters')
  await section.getByLabel('Password for automatic backups').fill('a good backup password')
  await section.getByLabel('Repeat it').fill('a good backup password')
  await section.getByRole('button', { name: 'Set password and start backups' }).click()
  await expect(page.getByTestId('backup-banner')).toHaveCount(0)
  // The first backup follows within the quiet period.
  await expect(page.getByTestId('backup-summary')).toContainText('It holds every change.', { timeout: 15_000 })
  const folder = (await page.getByTestId('backup-folder').textContent())!
  expect(readdirSync(folder).filter((f) => f.endsWith('.sgbackup'))).toHaveLength(1)
  const text = readFileSync(path.join(folder, readdirSync(folder)[0]!), 'utf8')
  expect(text).not.toContain(KEY)
  expect(text).not.toContain('a good backup password')

  // A change, "Back up now", then the restore drill.
  await addAccount(page, 'Kindle Direct Publishing')
  await section.getByRole('button', { name: 'Back up now' }).click()
  await expect(page.getByTestId('backup-summary')).toContainText('It holds every change.')
  await section.getByRole('button', { name: 'Verify backups' }).click()
  await expect(page.getByTestId('drill-report')).toHaveAttribute('data-result', 'matches')
  // Restore: the newest backup opens with the saved password into the import preview, both accounts marked as here already.
  const restore = page.getByTestId('backup-restore')
  await restore.getByRole('button', { name: 'Show backups…' }).click()
  await restore.getByRole('button', { name: 'Show what it holds' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('Kindle Direct Publishing')
  await expect(dialog).toContainText('Amazon Seller Central')
  await page.screenshot({ path: testInfo.outputPath('backup-restore-preview.png') })
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await section.scrollIntoViewIfNeeded()
    await page.screenshot({ path: testInfo.outputPath(`backup-settings-${scheme}.png`), fullPage: true })
  }
  await page.emulateMedia({ colorScheme: 'light' })

  // A folder that is not there (an unplugged drive) is a failing state, on every screen, and is never created.
  const missing = path.join(app.dataDir, 'unplugged drive', 'Backups')
  expect(await page.evaluate(async (f) => (await window.sellerguard.backup.configure({ folder: f })).ok, missing)).toBe(true)
  await expect(page.getByTestId('backup-banner')).toHaveAttribute('data-problem', 'folder-missing', { timeout: 15_000 })
  await expect(page.getByTestId('backup-banner')).toContainText(missing)
  expect(existsSync(missing)).toBe(false)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).click()
  await expect(page.getByTestId('backup-banner')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('backup-banner-failing.png') })
  await page.getByTestId('backup-banner').getByRole('button', { name: 'Backup settings' }).click()
  await section.getByRole('button', { name: 'Use the default folder' }).click()
  await expect(page.getByTestId('backup-banner')).toHaveCount(0, { timeout: 15_000 })
})

test('exports for other apps: a plain list only after a warning; 2FAS encrypted', async ({ page }, testInfo) => {
  await addAccount(page, 'Amazon Seller Central')
  await openSettings(page)
  const panel = page.getByTestId('export-panel')
  await panel.getByLabel(/List of otpauth:\/\/ links/).check()
  await expect(page.getByTestId('plain-warning')).toContainText('This file is not encrypted')
  const exportButton = panel.getByTestId('export-other')
  await expect(exportButton).toBeDisabled()
  await panel.screenshot({ path: testInfo.outputPath('export-plain-warning.png') })
  await page.getByTestId('plain-confirm').check()
  const listDownload = page.waitForEvent('download')
  await exportButton.click()
  const list = readFileSync(await (await listDownload).path(), 'utf8')
  expect(list).toMatch(/^# SellerGuard export/)
  expect(list).toContain(`otpauth://totp/Amazon%20Seller%20Central:seller%40example.com?secret=${KEY}`)

  await panel.getByLabel(/2FAS backup/).check()
  await expect(page.getByTestId('plain-warning')).toHaveCount(0)
  await page.getByLabel('Backup password', { exact: true }).fill('a 2fas password')
  await page.getByLabel('Repeat the password').fill('a 2fas password')
  const twofasDownload = page.waitForEvent('download')
  await exportButton.click()
  const twofas = JSON.parse(readFileSync(await (await twofasDownload).path(), 'utf8')) as { schemaVersion: number; services: unknown[]; servicesEncrypted: string }
  expect(twofas).toMatchObject({ schemaVersion: 4, services: [] })
  expect(twofas.servicesEncrypted).toMatch(/^[^:]+:[^:]+:[^:]+$/)
  expect(JSON.stringify(twofas)).not.toContain(KEY)
})
