import { expect, test } from './fixtures'

test.describe('a keychain that gets locked', () => {
  test.use({ ownKeyring: true })

  test('shows the locked state and no codes, and recovers on Retry once unlocked', async ({ page, app }, testInfo) => {
    await page.evaluate(() => window.sellerguard.accounts.add({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central' }))
    await expect(page.getByTestId('code')).toHaveText(/^\d{3} \d{3}$/)
    await expect(page.getByTestId('keychain-status')).toHaveAttribute('data-tone', 'ok')

    app.keyring!.lock()
    // The app learns it at its next keychain read; Retry is that read.
    await page.evaluate(() => window.sellerguard.vault.retry())
    const banner = page.getByTestId('keychain-banner')
    await expect(banner).toHaveAttribute('data-state', 'locked')
    await expect(banner).toContainText('is locked')
    await expect(banner).toContainText('Unlock it')
    await expect(page.getByTestId('code')).toHaveCount(0)
    await expect(page.getByTestId('code-missing')).toHaveText('Locked')
    await expect(page.getByTestId('keychain-status')).toHaveAttribute('data-tone', 'critical')
    await page.getByTestId('keychain-status').click()
    await expect(page.getByTestId('keychain-explanation')).toContainText('Unlock')
    await page.screenshot({ path: testInfo.outputPath('keychain-locked.png') })

    await app.keyring!.unlock()
    await banner.getByRole('button', { name: 'Retry' }).click()
    await expect(page.getByTestId('keychain-banner')).toHaveCount(0)
    await expect(page.getByTestId('code')).toHaveText(/^\d{3} \d{3}$/)
    await expect(page.getByTestId('keychain-status')).toHaveAttribute('data-tone', 'ok')
  })
})
