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

  test('a keychain that stops answering: a clear state, nothing else waits, Retry recovers', async ({ page, app }, testInfo) => {
    await page.evaluate(() => window.sellerguard.accounts.add({ text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central' }))
    await expect(page.getByTestId('code')).toHaveText(/^\d{3} \d{3}$/)

    // Frozen, as a keyring stuck behind an unlock prompt: every call to it hangs.
    app.keyring!.pause()
    try {
      await page.evaluate(() => window.sellerguard.vault.retry())
      const banner = page.getByTestId('keychain-banner')
      await expect(banner).toHaveAttribute('data-state', 'not-answering')
      await expect(banner).toContainText('is not answering')
      await expect(banner).toContainText('press Retry')
      // No old codes under a keychain that is not answering, and the strip says so.
      await expect(page.getByTestId('code')).toHaveCount(0)
      await expect(page.getByTestId('keychain-status')).toHaveAttribute('data-tone', 'critical')
      await expect(page.getByTestId('keychain-status')).toContainText('not answering')
      // The rest of the app does not wait on it.
      const started = Date.now()
      const saved = await page.evaluate(() => window.sellerguard.settings.update({ closeToTray: false }))
      expect(saved.ok).toBe(true)
      expect(Date.now() - started).toBeLessThan(1_000)
      await page.screenshot({ path: testInfo.outputPath('keychain-not-answering.png') })
    } finally {
      app.keyring!.resume()
    }
    await page.getByTestId('keychain-banner').getByRole('button', { name: 'Retry' }).click()
    await expect(page.getByTestId('keychain-banner')).toHaveCount(0)
    await expect(page.getByTestId('code')).toHaveText(/^\d{3} \d{3}$/)
  })
})
