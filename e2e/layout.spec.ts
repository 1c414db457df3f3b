import type { Locator } from '@playwright/test'
import { expect, test } from './fixtures'

/*
 * The window from the app's minimum size (720×480) up: every control
 * reachable, names readable enough to tell similar accounts apart, in both
 * themes. The screenshots are in the e2e artifacts (test-results/).
 */

const SIZES = [
  { width: 720, height: 480 },
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
] as const

// Accounts that differ only at the end of their names: the part a careless ellipsis would hide.
const ACCOUNTS = [
  { issuer: 'Amazon Seller Central', label: 'seller.europe@example.com', text: 'KRSXG5CTMVRXE5DFONXWC3TFMFZWK4ZA' },
  { issuer: 'Amazon Seller Central', label: 'seller.north-america@example.com', text: 'ONXWC3TFMFZWK4ZAMJQXEY3PMRSSAZLO' },
  { issuer: 'Amazon Seller Central Japan', label: 'seller.japan@example.com', text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
]

/**
 * Reachable: whole on screen once scrolled to, scrolling down only (a list
 * longer than the window scrolls, as banners above it make it). Nothing had
 * to scroll sideways to show it: a control past the right edge is not reachable.
 */
async function expectReachable(control: Locator) {
  await control.scrollIntoViewIfNeeded()
  await expect(control).toBeInViewport({ ratio: 1 })
  const sideways = await control.evaluate((el) => {
    let offset = window.scrollX
    for (let e = el.parentElement; e; e = e.parentElement) offset += e.scrollLeft
    return offset
  })
  expect(sideways, 'scrolled sideways to show it').toBe(0)
}

/** The search's hint is whole, not cut at the field's edge: laid out as the field's text (as wide as the placeholder), it does not overflow. */
async function expectWholeHint(search: Locator) {
  const hint = await search.evaluate((el) => {
    const input = el as HTMLInputElement
    const typed = input.value
    input.value = input.placeholder
    const cut = input.scrollWidth > input.clientWidth
    input.value = typed
    return { text: input.placeholder, cut }
  })
  expect(hint.cut, `the search hint "${hint.text}" is cut off`).toBe(false)
}

test.beforeEach(({ app }) => {
  // eslint-disable-next-line no-restricted-properties -- a mode, not a missing tool: the browser viewport is web mode's window
  test.skip(app.mode !== 'web', 'web mode sizes the page; Electron enforces the same minimum on its window')
})

for (const scheme of ['light', 'dark'] as const) {
  for (const size of SIZES) {
    test(`at ${size.width}×${size.height}, ${scheme}: every control is reachable and names stay distinguishable`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme })
      await page.setViewportSize(size)
      for (const account of ACCOUNTS) await page.evaluate((input) => window.sellerguard.accounts.add(input), account)
      const rows = page.getByTestId('code-row')
      await expect(rows).toHaveCount(ACCOUNTS.length)
      await expect(rows.first().getByTestId('code')).not.toHaveText('…')

      const header = page.getByTestId('codes-screen')
      for (const name of ['Add account', 'Import accounts']) await expectReachable(header.getByRole('button', { name, exact: true }))
      const search = page.getByRole('searchbox', { name: 'Search accounts' })
      await expectReachable(search)
      await expectWholeHint(search)
      for (const item of ['Codes', 'Checklist', 'Clock', 'Settings']) await expectReachable(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: item }))
      for (const account of ACCOUNTS) {
        const row = rows.filter({ hasText: account.label })
        await expectReachable(row.getByRole('button', { name: /^Actions for / }))
        await expectReachable(row.getByTestId('code'))
        // The whole name and account are shown (not cut off), so the three can be told apart.
        for (const part of [row.locator('.code-row__issuer'), row.locator('.code-row__label')]) {
          expect(await part.evaluate((el) => el.scrollWidth <= el.clientWidth), `${await part.textContent()} is cut off`).toBe(true)
        }
      }
      await rows.first().scrollIntoViewIfNeeded()
      await page.screenshot({ path: testInfo.outputPath(`codes-${size.width}x${size.height}-${scheme}.png`) })

      // The row menu opens and its actions fit on screen.
      await rows.first().getByRole('button', { name: /^Actions for / }).click()
      await expect(page.getByRole('menuitem', { name: 'Edit account…' })).toBeInViewport({ ratio: 1 })
      await page.getByRole('menuitem', { name: 'Edit account…' }).click()
      const edit = page.getByRole('dialog')
      await expect(edit.getByRole('button', { name: 'Save' })).toBeVisible()
      await page.screenshot({ path: testInfo.outputPath(`edit-${size.width}x${size.height}-${scheme}.png`) })
      await edit.getByRole('button', { name: 'Close' }).click()

      await header.getByRole('button', { name: 'Add account', exact: true }).click()
      const add = page.getByTestId('add-dialog')
      await add.getByRole('button', { name: 'Add account' }).scrollIntoViewIfNeeded()
      await expect(add.getByRole('button', { name: 'Add account' })).toBeInViewport({ ratio: 1 })
      await page.screenshot({ path: testInfo.outputPath(`add-${size.width}x${size.height}-${scheme}.png`) })
      await page.keyboard.press('Escape')

      // Compact rows keep the header on one line from 1000 px up, the search giving way first: its hint stays whole there too.
      await page.evaluate(() => window.sellerguard.settings.update({ density: 'compact' }))
      await expect(page.getByTestId('codes-screen')).toHaveAttribute('data-density', 'compact')
      for (const name of ['Add account', 'Import accounts']) await expectReachable(header.getByRole('button', { name, exact: true }))
      await expectWholeHint(search)
    })
  }
}
