import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures'

test('the checklist: evidence from the vault, ticks persist, and review dates come due', async ({ page, app }, testInfo) => {
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central', kind: 'seller-central' }))
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Checklist' }).click()
  const account = page.getByTestId('checklist-account')
  await expect(account).toHaveCount(1)
  // The authenticator item is checked from evidence: the key is in the keychain.
  const authenticator = account.locator('[data-testid="checklist-item"][data-status="verified"]').first()
  await expect(authenticator).toContainText('Checked by SellerGuard')

  // Tick a bank item by hand, with a note: reviewing bank details comes back every 180 days.
  const depositId = 'bank-review'
  const deposit = account.locator(`[data-item-id="${depositId}"]`)
  await deposit.getByRole('checkbox').check()
  await expect(deposit).toHaveAttribute('data-status', 'done')
  await deposit.getByRole('textbox').fill('Checked with the bank letter')
  await deposit.getByRole('button', { name: 'Save note' }).click()
  await page.screenshot({ path: testInfo.outputPath('checklist.png'), fullPage: true })

  await page.reload()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Checklist' }).click()
  const again = page.locator(`[data-item-id="${depositId}"]`)
  await expect(again).toHaveAttribute('data-status', 'done')
  await expect(again.getByRole('textbox')).toHaveValue('Checked with the bank letter')

  // Time passes: the tick was made long ago (as if a year had gone by), so it is due for review.
  const file = path.join(app.dataDir, 'checklist.json')
  const doc = JSON.parse(readFileSync(file, 'utf8'))
  for (const accountState of Object.values(doc.data.accounts) as Array<{ items: Record<string, { at: number }> }>) {
    for (const item of Object.values(accountState.items)) item.at -= 400 * 86_400_000
  }
  writeFileSync(file, JSON.stringify(doc))
  await app.restart()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Checklist' }).click()
  const due = page.locator(`[data-item-id="${depositId}"]`)
  await expect(due).toHaveAttribute('data-status', 'due')
  await expect(due).toContainText('Due for review')

  // The report a seller can keep.
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export HTML' }).click()
  const report = await downloading
  const out = testInfo.outputPath('report.html')
  await report.saveAs(out)
  expect(readFileSync(out, 'utf8')).toContain('Checked with the bank letter')
})
