import { expect, test } from './fixtures'
import { grouped, totp, totpNow } from './helpers/totp'

const KEY = 'KRSXG5CTMVRXE5DFONXWC3TFMFZWK4ZAMJQXEY3PMRSSAZLOORSXEZLEEBRG'

test.describe('a clock 90 s slow (the NTP server is 90 s ahead)', () => {
  test.use({ clockSkew: '+90s' })

  test('warns, says how to fix it, and computes codes on corrected time', async ({ page }, testInfo) => {
    await page.evaluate((text) => window.sellerguard.accounts.add({ text, issuer: 'Amazon Seller Central' }), KEY)
    const banner = page.getByTestId('clock-banner')
    await expect(banner).toContainText('Your computer’s clock is 1 min 30 s behind', { timeout: 15_000 })
    // The clock is off, and codes are corrected: the banner says both, not "will be rejected".
    await expect(banner).toContainText('codes use corrected time, so they still work')
    await expect(banner).not.toContainText('will be rejected')
    await expect(banner).toContainText('timedatectl set-ntp true')
    await expect(page.getByTestId('clock-status')).toHaveAttribute('data-tone', 'critical')
    await expect(page.getByTestId('corrected-note')).toContainText('your computer’s clock is 1 min 30 s behind')
    // The code shown is the one for the real time (system + 90 s), not the system clock's.
    await expect(page.getByTestId('code')).toHaveText(totpNow(KEY, { offsetMs: 90_000 }))
    const shown = await page.getByTestId('code').textContent()
    expect(shown).not.toBe(grouped(totp(KEY, Date.now())))
    await page.screenshot({ path: testInfo.outputPath('clock-banner.png') })

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clock' }).click()
    await expect(page.getByTestId('clock-state')).toHaveText('Clock 1 min 30 s behind')
    await expect(page.getByTestId('clock-offset')).toContainText('1 min 30 s behind')
    await expect(page.getByTestId('code-clock')).toContainText('Corrected time (+1 min 30 s)')
    await expect(page.getByTestId('server-table')).toContainText('used')
    await expect(page.getByTestId('offset-chart')).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath('clock-panel.png'), fullPage: true })
  })

  test('turning correction off goes back to the system clock, and the helper explains', async ({ page }) => {
    await page.evaluate((text) => window.sellerguard.accounts.add({ text, issuer: 'KDP' }), KEY)
    await expect(page.getByTestId('clock-banner')).toBeVisible({ timeout: 15_000 })
    await page.evaluate(() => window.sellerguard.settings.update({ correctedTime: 'off' }))
    await expect(page.getByTestId('corrected-note')).toHaveCount(0)
    await expect(page.getByTestId('code')).toHaveText(totpNow(KEY))

    await page.getByTestId('banner-code-help').click()
    const help = page.getByTestId('code-help')
    await expect(help.getByTestId('rejection-explanation')).toContainText('Your clock is 1 min 30 s behind')
    await expect(help.getByTestId('rejection-explanation')).toContainText('never works')
    // The highlighted code is the one for the true time (system + 90 s).
    await expect(help.getByTestId('around-expected').locator('strong')).toHaveText(totpNow(KEY, { offsetMs: 90_000 }))
  })
})

test('a correct clock is reported in sync, and codes use the system clock', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clock' }).click()
  await expect(page.getByTestId('clock-state')).toHaveText('Clock in sync', { timeout: 15_000 })
  await expect(page.getByTestId('code-clock')).toHaveText('System clock')
  await expect(page.getByTestId('clock-banner')).toHaveCount(0)
  await page.getByRole('button', { name: 'Check now' }).click()
  await expect(page.getByTestId('clock-state')).toHaveText('Clock in sync')
})
