import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

/** The scripts the page has loaded so far (the entry and any chunk), by file name. */
const scriptsLoaded = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop() ?? '').filter((name) => name.endsWith('.js')))

const LATER = /^(ChecklistScreen|ClockScreen|EditAccountDialog|ImportDialog|CodeHelpDialog)-/

test('the first screen loads without the other screens and dialogs, which load when opened', async ({ page }, testInfo) => {
  const refused: string[] = []
  page.on('console', (message) => void (/Content Security Policy|Failed to fetch dynamically imported module/.test(message.text()) && refused.push(message.text())))
  await expect(page.getByTestId('codes-screen')).toBeVisible()
  expect((await scriptsLoaded(page)).filter((name) => LATER.test(name))).toEqual([])
  await page.screenshot({ path: testInfo.outputPath('first-screen.png') })

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Checklist' }).click()
  await expect(page.getByRole('heading', { name: 'Security checklist', level: 1 })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('lazy-checklist.png') })
  // The screen came as a chunk of its own, from the same origin, under the same CSP.
  expect((await scriptsLoaded(page)).some((name) => name.startsWith('ChecklistScreen-'))).toBe(true)
  expect(refused).toEqual([])
})

test('a dialog that loads when opened opens from the keyboard, focused, and closes with Escape', async ({ page }, testInfo) => {
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central' }))
  await expect(page.getByTestId('code-row')).toHaveCount(1)
  expect((await scriptsLoaded(page)).some((name) => name.startsWith('EditAccountDialog-'))).toBe(false)
  // The row's ⋯ menu, from the keyboard: Down opens it on its first item, Enter picks "Edit account…".
  await page.getByTestId('row-menu').focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('menu-edit')).toBeFocused()
  await page.keyboard.press('Enter')
  const dialog = page.getByTestId('edit-dialog')
  await expect(dialog).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('lazy-edit-dialog.png') })
  // Focus moved into the modal (the native dialog's own focus handling, after the chunk came).
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true)
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
})
