import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures'

/** Issue 13 §2 as the user sees it: a damaged file is named, kept, and left alone until the user chooses. */
test('damaged settings and account list: banners offer the backup copy or a fresh start, and the damaged files are kept', async ({ page, app }, testInfo) => {
  const settingsFile = path.join(app.dataDir, 'settings.json')
  const accountsFile = path.join(app.dataDir, 'accounts.json')
  const good = JSON.parse(readFileSync(settingsFile, 'utf8'))
  good.data.clipboardClearSeconds = 45
  writeFileSync(`${settingsFile}.bak`, JSON.stringify(good))
  writeFileSync(settingsFile, '{"schemaVersion":1,"data":{"th')
  writeFileSync(accountsFile, '{"schemaVersion":1,"data":{"acc')
  writeFileSync(`${accountsFile}.bak`, 'not json either')
  await app.restart()

  const settingsBanner = page.locator('[data-testid="file-banner"][data-file="settings"]')
  const accountsBanner = page.locator('[data-testid="file-banner"][data-file="accounts"]')
  await expect(settingsBanner).toContainText('Your settings could not be used: it is damaged.')
  await expect(accountsBanner).toContainText('There is no usable previous version.')
  await expect(accountsBanner.getByRole('button', { name: 'Use the backup copy' })).toHaveCount(0)
  await page.screenshot({ path: testInfo.outputPath('damaged-files.png'), fullPage: true })
  const axe = await new AxeBuilder({ page }).analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])

  // Until the user chooses, a change of settings is refused and the file stays as it was.
  const refused = await page.evaluate(() => window.sellerguard.settings.update({ clipboardClearSeconds: 10 }))
  expect(refused).toMatchObject({ ok: false, error: { kind: 'io' } })
  expect(readFileSync(settingsFile, 'utf8')).toBe('{"schemaVersion":1,"data":{"th')

  await settingsBanner.getByRole('button', { name: 'Use the backup copy' }).click()
  await expect(settingsBanner).toHaveCount(0)
  expect(await page.evaluate(() => window.sellerguard.settings.get())).toMatchObject({ ok: true, value: { clipboardClearSeconds: 45 } })

  await accountsBanner.getByRole('button', { name: 'Start fresh' }).click()
  await expect(accountsBanner).toHaveCount(0)
  const added = await page.evaluate(() => window.sellerguard.accounts.add({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central' }))
  expect(added).toMatchObject({ ok: true })
  await expect(page.getByTestId('account-name').filter({ hasText: 'Seller Central' }).first()).toBeVisible()

  const kept = readdirSync(app.dataDir).filter((n) => n.includes('.damaged-'))
  expect(kept.map((n) => n.replace(/\d+$/, '')).sort()).toEqual(['accounts.json.bak.damaged-', 'accounts.json.damaged-', 'settings.json.damaged-'])
})

test('a missing account list comes back from its backup, and the user is told', async ({ page, app }) => {
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central' }))
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', issuer: 'KDP' }))
  const accountsFile = path.join(app.dataDir, 'accounts.json')
  rmSync(accountsFile)
  await app.restart()
  const notice = page.locator('[data-testid="file-restored"][data-file="accounts"]')
  await expect(notice).toContainText('was missing, so SellerGuard restored its previous version')
  await expect(page.getByTestId('account-name').filter({ hasText: 'Seller Central' }).first()).toBeVisible()
  await notice.getByRole('button', { name: 'OK' }).click()
  await expect(notice).toHaveCount(0)
})

test('secrets without an account: kept, added back as accounts from the banner, deleted only after a second click', async ({ page, app }, testInfo) => {
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central' }))
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', issuer: 'KDP' }))
  const accountsFile = path.join(app.dataDir, 'accounts.json')
  rmSync(accountsFile)
  rmSync(`${accountsFile}.bak`)
  await app.restart()
  const orphans = page.getByTestId('orphan-secrets')
  await expect(orphans).toContainText('2 secrets are in the')
  await orphans.getByRole('button', { name: 'Delete them…' }).click()
  await expect(orphans.getByRole('button', { name: 'Delete these 2 secrets for good' })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('orphan-secrets.png'), fullPage: true })
  await orphans.getByRole('button', { name: 'Keep them' }).click()
  await orphans.getByRole('button', { name: 'Add them as accounts' }).click()
  await expect(orphans).toHaveCount(0)
  await expect(page.getByTestId('code')).toHaveCount(2)
  await expect(page.getByTestId('code').first()).toHaveText(/^\d{3} \d{3}$/)
  await expect(page.getByText('Recovered account').first()).toBeVisible()
})
