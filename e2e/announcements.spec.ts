import { expect, test } from './fixtures'

const LIVE = '[aria-live], [role=alert], [role=status], [role=log], [role=marquee], [role=timer]'

/** Screen readers hear toasts and errors, from regions that were in the page before the message, and nothing else. */
test('only the toast and error regions are live, and they are there before anything is said', async ({ page }) => {
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central', kind: 'seller-central' }))
  await expect(page.getByTestId('code-row')).toHaveCount(1)
  // The screens are not live regions: codes change every 30 s and that is not news.
  await expect(page.locator('main')).not.toHaveAttribute('aria-live', /.*/)
  const regions = await page.locator(LIVE).evaluateAll((els) => els.map((el) => `${el.getAttribute('role')}:${el.getAttribute('data-testid') ?? el.className}`))
  expect(regions.sort()).toEqual(['alert:error-region', 'status:toast-region'])

  // A toast appears inside the status region that was already there.
  const toastRegion = await page.locator('.toast-region').elementHandle()
  await page.getByTestId('code').click()
  await expect(page.getByTestId('toast')).toContainText('Copied')
  expect(await toastRegion!.evaluate((el) => el.isConnected && el.textContent)).toContain('Copied')

  // An error from a call (a note longer than main accepts) appears inside the alert region that was already there.
  const errorRegion = await page.getByTestId('error-region').elementHandle()
  expect(await errorRegion!.evaluate((el) => el.textContent)).toBe('')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Checklist' }).click()
  const item = page.locator('[data-testid="checklist-item"]').filter({ has: page.getByRole('checkbox') }).first()
  // The item's title opens its note; Enter saves it.
  await item.getByRole('button').first().click()
  await item.getByRole('textbox', { name: /^Note for/ }).fill('x'.repeat(5000))
  await item.getByRole('textbox', { name: /^Note for/ }).press('Enter')
  await expect(page.getByTestId('error-region').locator('[data-error-kind]')).toBeVisible()
  expect(await errorRegion!.evaluate((el) => el.isConnected && (el.textContent ?? '').length > 0)).toBe(true)
  await page.getByTestId('error-region').getByRole('button', { name: 'Dismiss' }).click()
  await expect(page.getByTestId('error-region')).toHaveText('')
})

test('an error inside a dialog is said inside the dialog, not behind it', async ({ page }) => {
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'KRSXG5CTMVRXE5DF', issuer: 'KDP' }))
  await page.getByRole('button', { name: 'Actions for KDP' }).click()
  await page.getByRole('menuitem', { name: 'Edit account…' }).click()
  await page.getByLabel('Name').fill('K'.repeat(5000))
  await page.getByRole('button', { name: 'Save' }).click()
  const error = page.getByTestId('edit-dialog').getByRole('alert')
  await expect(error).toBeVisible()
  await expect(page.getByTestId('edit-dialog')).toBeVisible()
})
