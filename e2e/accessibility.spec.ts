import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures'

const SCREENS = ['Codes', 'Checklist', 'Clock', 'Settings'] as const

/** Every screen in light and dark: no serious or critical axe violation, and a screenshot to look at. */
for (const scheme of ['light', 'dark'] as const) {
  test(`every screen is accessible in ${scheme} mode`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme })
    await page.evaluate(() => window.sellerguard.accounts.add({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central', label: 'eu@example.com', group: 'Europe' }))
    await page.evaluate(() => window.sellerguard.accounts.add({ text: 'KRSXG5CTMVRXE5DF', issuer: 'KDP', label: 'author@example.com', kind: 'kdp' }))
    await page.evaluate(() => window.sellerguard.accounts.add({ text: 'otpauth://hotp/Bank:me?secret=ONXWC3TFMFZWK4ZA&issuer=Bank&counter=3' }))
    await expect(page.getByTestId('code-row')).toHaveCount(3)
    for (const screen of SCREENS) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen }).click()
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await page.waitForTimeout(200)
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `${screen} in ${scheme}`).toEqual([])
      await page.screenshot({ path: testInfo.outputPath(`${screen.toLowerCase()}-${scheme}.png`), fullPage: true })
    }
    // The add-account dialog too.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).click()
    await page.getByRole('button', { name: 'Add account' }).first().click()
    await page.getByLabel('Key or otpauth:// link').fill('KRSX 0NXW')
    await expect(page.getByTestId('text-error')).toBeVisible()
    const dialog = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa']).analyze()
    expect(dialog.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
    await page.screenshot({ path: testInfo.outputPath(`add-account-${scheme}.png`) })
  })
}

test('everything works from the keyboard, with a visible focus', async ({ page, app }) => {
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central' }))
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'KRSXG5CTMVRXE5DF', issuer: 'Amazon Europe' }))
  await expect(page.getByTestId('code-row')).toHaveCount(2)
  // Tab to the first code and copy it with Enter.
  const first = page.getByTestId('code').first()
  for (let i = 0; i < 30 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
  await expect(first).toBeFocused()
  const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle)
  expect(outline).not.toBe('none')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('toast')).toContainText('Copied')
  expect(await app.clipboardText()).toMatch(/^\d{6}$/)
  // Alt+Down moves the account down the list.
  await page.keyboard.press('Alt+ArrowDown')
  await expect(page.getByTestId('code-row').first()).toContainText('Amazon Europe')
  // Escape closes a dialog opened from the keyboard.
  await page.getByRole('button', { name: 'Add account' }).first().focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('add-dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('add-dialog')).toHaveCount(0)
})
