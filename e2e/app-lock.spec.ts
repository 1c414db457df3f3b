import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from './fixtures'
import { grouped, totpWindow } from './helpers/totp'

const KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const PASSWORD = 'correct horse battery'

async function addAccount(page: Page) {
  await page.evaluate((text) => window.sellerguard.accounts.add({ text, issuer: 'Amazon Seller Central', label: 'eu@example.com' }), KEY)
  await expect(page.getByTestId('code')).toHaveCount(1)
}

async function enableInSettings(page: Page, testInfo: TestInfo) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
  const form = page.getByTestId('lock-enable')
  // Said plainly before it is turned on: a forgotten password is only recovered from an encrypted backup.
  await expect(page.getByTestId('lock-settings')).toContainText('only come back from an encrypted backup')
  await form.getByLabel('Password', { exact: true }).fill('short')
  await expect(form.getByText('At least 8 characters')).toHaveClass(/field-error/)
  await expect(form.getByRole('button', { name: 'Turn on' })).toBeDisabled()
  await form.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await form.getByLabel('Type it again').fill(PASSWORD)
  await page.getByTestId('lock-settings').screenshot({ path: testInfo.outputPath('lock-settings-off.png') })
  await form.getByRole('button', { name: 'Turn on' }).click()
  await expect(page.getByTestId('lock-settings')).toContainText('On: your secrets in the keychain are encrypted')
  await page.getByTestId('lock-settings').screenshot({ path: testInfo.outputPath('lock-settings-on.png') })
}

async function axeClean(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), what).toEqual([])
}

test('enable the lock, lock, no code answers, a wrong password is refused, the right one unlocks', async ({ page, app }, testInfo) => {
  await addAccount(page)
  await enableInSettings(page, testInfo)
  await page.getByRole('button', { name: 'Lock now' }).click()
  await expect(page.getByRole('heading', { name: 'SellerGuard is locked' })).toBeVisible()
  await expect(page.getByTestId('unlock-password')).toBeFocused()
  // No name, no code on screen; the contract refuses every code and secret.
  await expect(page.locator('body')).not.toContainText('eu@example.com')
  expect(await page.evaluate(() => window.sellerguard.codes.frames())).toMatchObject({ ok: false, error: { kind: 'locked' } })
  const accounts = await page.evaluate(() => window.sellerguard.accounts.list())
  expect(accounts).toMatchObject({ ok: false, error: { kind: 'locked' } })
  expect(await page.evaluate(() => window.sellerguard.tray.menu())).toMatchObject({ ok: true, value: { items: [{ kind: 'action', id: 'unlock', label: 'Unlock SellerGuard…' }] } })
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await axeClean(page, `unlock screen, ${scheme}`)
    await page.screenshot({ path: testInfo.outputPath(`unlock-${scheme}.png`) })
  }
  await page.keyboard.type('not my password')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('unlock-status')).toContainText('That is not your SellerGuard password')
  await page.screenshot({ path: testInfo.outputPath('unlock-wrong.png') })
  await page.getByTestId('unlock-password').fill(PASSWORD)
  await page.keyboard.press('Enter')
  // Back where it was locked (Settings); the codes are there again.
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).click()
  await expect(page.getByTestId('code')).toHaveCount(1)
  expect(totpWindow(KEY, Date.now()).map(grouped)).toContain(await page.getByTestId('code').innerText())

  // A restart comes up locked.
  await app.restart()
  await expect(page.getByRole('heading', { name: 'SellerGuard is locked' })).toBeVisible()
  await page.getByTestId('unlock-password').fill(PASSWORD)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('code')).toHaveCount(1)
  // What the start asked for before it knew it was locked (each refused with `locked`) left no error behind.
  await expect(page.getByTestId('error-region')).toBeEmpty()
})

test('auto-lock: idle time from the injected source locks, and the copied code is cleared', async ({ page, app }, testInfo) => {
  // Web mode's injected idle source (Electron reads powerMonitor: the composition-root test proves that wiring).
  await addAccount(page)
  await enableInSettings(page, testInfo)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).click()
  await page.getByTestId('code').click()
  await expect(page.getByTestId('toast')).toContainText('Copied')
  expect(await app.clipboardText()).toMatch(/^\d{6}$/)
  // Default limit: five minutes. Four are not enough, six are.
  await app.pretendIdle(4 * 60)
  await expect(page.getByTestId('code')).toHaveCount(1)
  await app.pretendIdle(6 * 60)
  await expect(page.getByRole('heading', { name: 'SellerGuard is locked' })).toBeVisible()
  await expect(page.getByText('locked itself after the computer was idle')).toBeVisible()
  await expect.poll(() => app.clipboardText()).toBe('')
  await page.screenshot({ path: testInfo.outputPath('auto-locked.png') })
})

test('hide codes: ••• ••• until the row is clicked or focused with Enter; copy still works', async ({ page, app }, testInfo) => {
  await addAccount(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
  await page.getByTestId('hide-codes').check()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).click()
  const code = page.getByTestId('code')
  await expect(code).toHaveText('••• •••')
  await expect(page.locator('body')).not.toContainText(/\d{3} \d{3}/)
  await page.screenshot({ path: testInfo.outputPath('hidden-codes.png') })
  await code.focus()
  await page.keyboard.press('Enter')
  await expect(code).toHaveText(/^\d{3} \d{3}$/)
  await expect(page.getByTestId('toast')).toContainText('Copied')
  expect(totpWindow(KEY, Date.now()).map((c) => c)).toContain(await app.clipboardText())
  // Focus leaves the row: hidden again.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).focus()
  await expect(code).toHaveText('••• •••')
})

test('a forgotten password: start over only after typing the words; the account stays, without its secret', async ({ page }, testInfo) => {
  await addAccount(page)
  await enableInSettings(page, testInfo)
  await page.getByRole('button', { name: 'Lock now' }).click()
  await expect(page.getByRole('heading', { name: 'SellerGuard is locked' })).toBeVisible()
  await page.getByText('I forgot the password: start over').click()
  const startOver = page.getByTestId('start-over')
  // Said plainly: the secrets are deleted, and only an encrypted backup brings them back.
  await expect(startOver).toContainText('deletes the secrets of all your accounts')
  await expect(startOver).toContainText('Only an encrypted backup brings them back')
  const button = startOver.getByRole('button', { name: 'Delete the secrets and start over' })
  await expect(button).toBeDisabled()
  await startOver.getByLabel('to confirm').fill('delete my')
  await expect(button).toBeDisabled()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await axeClean(page, `start over, ${scheme}`)
  }
  await page.screenshot({ path: testInfo.outputPath('start-over.png'), fullPage: true })
  // The contract checks the words too: the screen is not the only guard.
  expect(await page.evaluate(() => window.sellerguard.lock.startOver({ confirm: 'delete my' as 'delete my secrets' }))).toMatchObject({ ok: false })
  await startOver.getByLabel('to confirm').fill('delete my secrets')
  await button.click()
  // The app opens with the lock off; the account is listed as having no secret, to restore from a backup.
  await expect(page.getByRole('heading', { name: 'SellerGuard is locked' })).toHaveCount(0)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).click()
  await expect(page.getByTestId('consistency-banner')).toContainText('1 account has no secret')
  await expect(page.getByTestId('consistency-banner')).toContainText('Amazon Seller Central')
  await page.screenshot({ path: testInfo.outputPath('after-start-over.png') })
})

test.describe('quick unlock', () => {
  // Touch ID cannot run here: web mode's stand-in answers as the test says (the Electron adapter is src/main/electron/touch-id.ts).
  test.use({ standInTouchId: true })

  test('Touch ID turns on with the password, unlocks only when the OS says yes, and turns off', async ({ page, app }, testInfo) => {
    await addAccount(page)
    await enableInSettings(page, testInfo)
    const quick = page.getByTestId('quick-unlock')
    // Said what it does not protect against, before it is on.
    await expect(quick).toContainText('anyone who knows your Mac password')
    await quick.getByLabel('Unlock with Touch ID').check()
    await quick.getByLabel('SellerGuard password').fill('not my password')
    await quick.getByRole('button', { name: 'Turn on Touch ID' }).click()
    await expect(quick.getByRole('alert')).toContainText('not your SellerGuard password')
    await quick.getByLabel('SellerGuard password').fill(PASSWORD)
    await quick.getByRole('button', { name: 'Turn on Touch ID' }).click()
    await expect(quick.getByRole('button', { name: 'Turn on Touch ID' })).toHaveCount(0)
    await expect(quick.getByLabel('Unlock with Touch ID')).toBeChecked()
    await axeClean(page, 'quick unlock settings')
    await quick.screenshot({ path: testInfo.outputPath('touch-id-on.png') })

    await page.getByRole('button', { name: 'Lock now' }).click()
    const button = page.getByRole('button', { name: 'Unlock with Touch ID' })
    // The OS says no (cancelled, wrong finger): still locked, the password field still there.
    await app.answerTouchId(false)
    await button.click()
    await expect(page.getByTestId('unlock-status')).toContainText('did not confirm it is you')
    await expect(page.getByRole('heading', { name: 'SellerGuard is locked' })).toBeVisible()
    await app.answerTouchId(true)
    await button.click()
    await expect(page.getByRole('heading', { name: 'SellerGuard is locked' })).toHaveCount(0)

    // Off needs no password; the unlock screen then offers only the password.
    // The box shows main's state: it clears once main has dropped the sealed key.
    await quick.getByLabel('Unlock with Touch ID').click()
    await expect(quick.getByLabel('Unlock with Touch ID')).not.toBeChecked()
    await page.getByRole('button', { name: 'Lock now' }).click()
    await expect(page.getByTestId('unlock-password')).toBeFocused()
    await expect(page.getByRole('button', { name: 'Unlock with Touch ID' })).toHaveCount(0)
  })
})
