import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from './fixtures'
import { grouped, totpWindow } from './helpers/totp'

const KEY = 'KRSXG5CTMVRXE5DFONXWC3TFMFZWK4ZAMJQXEY3PMRSSAZLOORSXEZLEEBRG'
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click()

/** No serious or critical axe violation on what is shown now. */
async function axeClean(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), where).toEqual([])
}

/** Screenshots of the banner (codes page), the Clock screen and the helper, in both themes, into this test's artifacts folder. */
async function shoot(page: Page, testInfo: TestInfo, state: string, withBanner: boolean) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await nav(page, 'Codes')
    if (withBanner) await expect(page.getByTestId('clock-banner')).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath(`${state}-banner-${scheme}.png`) })
    await nav(page, 'Clock')
    await expect(page.getByTestId('offset-chart').or(page.getByText('No measurements yet.'))).toBeVisible()
    await axeClean(page, `Clock screen, ${state}, ${scheme}`)
    await page.screenshot({ path: testInfo.outputPath(`${state}-clock-${scheme}.png`), fullPage: true })
    const chart = page.locator('.chart-figure')
    if ((await chart.count()) > 0) {
      await chart.scrollIntoViewIfNeeded()
      await chart.screenshot({ path: testInfo.outputPath(`${state}-chart-${scheme}.png`) })
    }
    await page.getByTestId('clock-code-help').click()
    const help = page.getByTestId('code-help')
    await expect(help.getByTestId('rejection-explanation')).toBeVisible()
    await axeClean(page, `helper, ${state}, ${scheme}`)
    await page.screenshot({ path: testInfo.outputPath(`${state}-helper-${scheme}.png`) })
    await page.keyboard.press('Escape')
    await expect(help).toHaveCount(0)
  }
}

async function addAccount(page: Page) {
  await page.evaluate((text) => window.sellerguard.accounts.add({ text, issuer: 'Amazon Seller Central', label: 'us@example.com' }), KEY)
  await expect(page.getByTestId('code-row')).toHaveCount(1)
}

test.describe('a clock 8 s fast, correction off', () => {
  test.use({ clockSkew: '-8s' })
  test('the banner, the Clock screen and the helper say the FIRST seconds of each countdown are bad; the helper follows live', async ({ page }, testInfo) => {
    await addAccount(page)
    await page.evaluate(() => window.sellerguard.settings.update({ correctedTime: 'off' }))
    const banner = page.getByTestId('clock-banner')
    await expect(banner).toContainText('Your computer’s clock is 8 s ahead.', { timeout: 15_000 })
    await expect(banner).toContainText('Codes may be rejected in the first 8 s of each countdown')
    await expect(page.getByTestId('clock-status')).toHaveText('Clock 8 s ahead')

    // From the row: the helper highlights the code of the true time, with its seconds left, and recomputes every second.
    await page.getByTestId('row-code-help').click()
    const help = page.getByTestId('code-help')
    await expect(help.getByTestId('rejection-explanation')).toContainText('In the first 8 s of each countdown the site still expects the previous code.')
    const left = async () => Number(/(\d+) s left/.exec((await help.getByTestId('expected-left').textContent()) ?? '')?.[1])
    const first = await left()
    await expect.poll(left, { timeout: 5_000 }).not.toBe(first)
    const expected = (await help.getByTestId('around-expected').locator('strong').textContent()) ?? ''
    expect(totpWindow(KEY, Date.now() - 8_000).map(grouped)).toContain(expected)
    // It copies the expected code (computed in main on the measured true time).
    await help.getByTestId('copy-expected').click()
    await expect(page.getByText(/^Copied the code the site expects now/)).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(help).toHaveCount(0)
    await shoot(page, testInfo, 'fast', true)
  })
})

test.describe('a clock 20 s slow, corrected', () => {
  test.use({ clockSkew: '+20s' })
  test('says the clock is off AND that codes are corrected, never "will be rejected"', async ({ page }, testInfo) => {
    await addAccount(page)
    const banner = page.getByTestId('clock-banner')
    await expect(banner).toContainText('Your computer’s clock is 20 s behind.', { timeout: 15_000 })
    await expect(banner).toContainText('codes use corrected time, so they still work')
    await nav(page, 'Clock')
    await expect(page.getByTestId('clock-state')).toHaveText('Clock 20 s behind')
    await expect(page.getByTestId('code-clock')).toHaveText('Corrected time (+20 s)')
    await expect(page.getByTestId('clock-card')).not.toContainText('will be rejected')
    await expect(page.getByTestId('server-table')).toContainText('20 s behind')
    await expect(page.getByTestId('server-table')).not.toContainText('-20')
    // The chart: values on keyboard focus.
    await page.getByTestId('chart-point').last().focus()
    await expect(page.getByTestId('chart-readout')).toContainText('20 s behind')
    await shoot(page, testInfo, 'slow', true)
  })
})

test.describe('a clock 5 h 30 min and 8 s fast (a time-zone mistake)', () => {
  test.use({ clockSkew: '-19808s' })
  test('names the zone, the seconds beyond it, and the OS way to set the zone', async ({ page }, testInfo) => {
    await addAccount(page)
    await page.evaluate(() => window.sellerguard.settings.update({ correctedTime: 'off' }))
    const banner = page.getByTestId('clock-banner')
    await expect(banner).toContainText('5 h 30 min ahead', { timeout: 15_000 })
    await expect(banner).toContainText('the time zone is probably set wrong, not the clock')
    await expect(banner).toContainText('Beyond the time zone, the clock is also 8 s ahead.')
    await expect(banner.getByTestId('timezone-fix')).toContainText('timedatectl set-timezone')
    await expect(page.getByTestId('clock-status')).toHaveText('Clock 5 h 30 min ahead (time zone?)')
    await shoot(page, testInfo, 'time-zone', true)
  })
})

test.describe('a clock never measured', () => {
  test.use({ deadNtp: true })
  test('an unknown clock (no server answers) is said plainly, never as an alarm, in every place', async ({ page }, testInfo) => {
  await addAccount(page)
  await expect(page.getByTestId('clock-status')).toHaveText('Clock not checked (offline?)', { timeout: 15_000 })
  await expect(page.getByTestId('clock-banner')).toHaveCount(0)
  await shoot(page, testInfo, 'unknown', false)
  await nav(page, 'Clock')
  await page.getByTestId('clock-code-help').click()
  await expect(page.getByTestId('rejection-explanation')).toContainText('cannot tell which code the site expects')
  })
})

test('Settings: a bad port is refused with what is wrong; saving says so and shows the new check', async ({ page, ntpServer }) => {
  await nav(page, 'Settings')
  const servers = page.getByTestId('ntp-servers')
  await servers.fill('time.example.com:99999')
  await expect(page.getByTestId('ntp-servers-help')).toHaveText('Line 1: “time.example.com:99999”: port 99999 does not exist; ports go from 1 to 65535.')
  await expect(page.getByRole('button', { name: 'Save servers' })).toBeDisabled()
  await servers.fill(`${ntpServer}\n127.0.0.1:9`)
  await page.getByRole('button', { name: 'Save servers' }).click()
  await expect(page.getByTestId('servers-saved')).toContainText('Saved. The check of the new servers: Clock in sync', { timeout: 15_000 })
  // One server answering: no claim that one wrong server cannot mislead it.
  await expect(page.getByTestId('servers-saved')).toContainText('Only 1 time server answered')
  await expect(page.getByTestId('ntp-servers-help')).not.toContainText('cannot mislead')
})
