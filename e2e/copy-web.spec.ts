import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { totpNow } from './helpers/totp'

/*
 * Web mode copies in the page, to the browser's clipboard (main's clipboard
 * is on the server, not where the user pastes). Electron copies in main:
 * codes.spec.ts covers both through app.clipboardText().
 */

const KEY = 'KRSXG5CTMVRXE5DFONXWC3TFMFZWK4ZAMJQXEY3PMRSSAZLO'
const shownCode = (page: Page) => page.getByTestId('code')
const browserClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText())

test.beforeEach(({ app }) => {
  // eslint-disable-next-line no-restricted-properties -- a mode, not a missing tool: Electron copies in main
  test.skip(app.mode !== 'web', 'web mode only: the page writes to the browser clipboard')
})

test('a copied code reaches the browser clipboard and is cleared there, unless the user copied something since', async ({ page, app }) => {
  await page.evaluate(() => window.sellerguard.settings.update({ clipboardClearSeconds: 2 }))
  await page.evaluate((text) => window.sellerguard.accounts.add({ text, issuer: 'KDP' }), KEY)
  await expect(shownCode(page)).toHaveText(totpNow(KEY))
  await shownCode(page).click()
  await expect(page.getByTestId('toast')).toContainText('Copied code. The clipboard will be cleared in 2 s.')
  expect((await browserClipboard(page)).replace(/(\d{3})(\d{3})/, '$1 $2')).toMatch(totpNow(KEY))
  // Main's own clipboard was not used: nothing was copied on the server.
  expect(await app.mainClipboardText()).toBe('')
  await expect.poll(() => browserClipboard(page), { timeout: 10_000 }).toBe('')

  await shownCode(page).click()
  await expect(page.getByTestId('toast')).toContainText('cleared in 2 s')
  await page.evaluate(() => navigator.clipboard.writeText('my own note'))
  await page.waitForTimeout(3_000)
  expect(await browserClipboard(page)).toBe('my own note')
})

test('where the page may not read the clipboard back, it copies but does not promise clearing', async ({ page }) => {
  await page.evaluate((text) => window.sellerguard.accounts.add({ text, issuer: 'KDP' }), KEY)
  await expect(shownCode(page)).toHaveText(totpNow(KEY))
  // A browser that lets the page write the clipboard but not read it (it would have to ask the user).
  await page.context().clearPermissions()
  await page.context().grantPermissions(['clipboard-write'])
  await shownCode(page).click()
  await expect(page.getByTestId('toast')).toContainText('Copied code. This browser does not let SellerGuard check the clipboard later, so it will not be cleared.')
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  expect(await browserClipboard(page)).toMatch(/^\d{6}$/)
})

test('a browser that refuses the write gets an error, never "Copied"', async ({ page }) => {
  await page.evaluate((text) => window.sellerguard.accounts.add({ text, issuer: 'KDP' }), KEY)
  await expect(shownCode(page)).toHaveText(totpNow(KEY))
  // No clipboard permission at all: Chromium refuses writeText ("Write permission denied.").
  await page.context().clearPermissions()
  await page.context().grantPermissions([])
  await shownCode(page).click()
  await expect(page.getByRole('alert').filter({ hasText: 'The code was not copied: the browser refused' })).toBeVisible()
  await expect(page.getByTestId('toast')).toHaveCount(0)
})
