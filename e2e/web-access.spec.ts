import { expect, test } from './fixtures'

test.beforeEach(({ app }) => {
  // eslint-disable-next-line no-restricted-properties -- a mode, not a missing tool: Electron has no link to open
  test.skip(app.mode !== 'web', 'web mode only: the one-time link')
})

test('a tab opened without the link says to open it, not that the server is gone or that there are no accounts', async ({ page }, testInfo) => {
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'KDP' }))
  await expect(page.getByTestId('code-row')).toHaveCount(1)
  // A bookmark or a new tab: the page without the link's code.
  const other = await page.context().newPage()
  await other.goto(new URL(page.url()).origin)
  await expect(other.getByTestId('not-admitted')).toContainText('Open the one-time link that SellerGuard printed in the terminal.')
  await expect(other.getByTestId('empty-state')).toHaveCount(0)
  await expect(other.getByText('Lost the connection')).toHaveCount(0)
  await other.screenshot({ path: testInfo.outputPath('web-without-link.png') })
  await other.close()
  // The tab that opened the link still works.
  await expect(page.getByTestId('code-row')).toHaveCount(1)
})
