import { expect, test } from './fixtures'
import { grouped, totpNow, totpWindow } from './helpers/totp'

// What Amazon shows under "Can't scan the barcode?": 52 base32 characters in groups of four.
const AMAZON_KEY = 'KRSX G5CT MVRX E5DF ONXW C3TF MFZW K4ZA MJQX EY3P MRSS AZLO ORSX EZLE EBRG'

test('add an account from an Amazon key and see its code', async ({ page }, testInfo) => {
  await page.getByRole('button', { name: 'Add account' }).first().click()
  const dialog = page.getByTestId('add-dialog')
  await dialog.getByLabel('Key or otpauth:// link').fill(AMAZON_KEY.toLowerCase())
  await expect(dialog.getByTestId('text-ok')).toContainText('Key looks right')
  await dialog.getByLabel('Name').fill('Amazon Seller Central')
  await dialog.getByLabel('Account (optional)').fill('seller@example.com')
  await dialog.getByRole('button', { name: 'Add account' }).click()

  const added = page.getByTestId('added-dialog')
  await expect(added.getByText('enter this code on Amazon')).toBeVisible()
  await expect(added.getByTestId('added-code')).toHaveText(totpNow(AMAZON_KEY))
  await added.getByRole('button', { name: 'Done' }).click()

  const row = page.getByTestId('code-row')
  await expect(row).toHaveCount(1)
  // The short name says which Amazon property it is (the name typed only said "Amazon Seller Central").
  await expect(row.getByTestId('account-name')).toHaveText('Seller Central')
  await expect(row).toContainText('seller@example.com')
  await expect(row.getByTestId('code')).toHaveText(totpNow(AMAZON_KEY))
  await page.screenshot({ path: testInfo.outputPath('codes-one-account.png') })
})

test('a code changes at its period boundary without a reload', async ({ page }) => {
  const key = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
  const uri = `otpauth://totp/Fast:me@example.com?secret=${key}&issuer=Fast&period=2`
  const reply = await page.evaluate((text) => window.sellerguard.accounts.add({ text }), uri)
  expect(reply.ok).toBe(true)
  const code = page.getByTestId('code')
  await expect(code).toHaveText(/^\d{3} \d{3}$/)
  const first = await code.textContent()
  await expect(code).not.toHaveText(first!, { timeout: 5_000 })
  expect(totpWindow(key, Date.now(), 6, 2).map(grouped)).toContain(await code.textContent())
})

test('a wrong key is refused with the exact position, and nothing is added', async ({ page }) => {
  await page.getByRole('button', { name: 'Add account' }).first().click()
  const dialog = page.getByTestId('add-dialog')
  await dialog.getByLabel('Key or otpauth:// link').fill('KRSX G5CT MVRX E5DF 0NXW')
  await expect(dialog.getByTestId('text-error')).toContainText('Character 21 is "0"')
  await expect(dialog.getByTestId('text-error').locator('mark')).toHaveText('0')
  await expect(dialog.getByRole('button', { name: 'Add account' })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('empty-state')).toBeVisible()
})

test('clicking a code copies it, and the toast says when the clipboard is cleared', async ({ page, app }) => {
  await page.evaluate((text) => window.sellerguard.accounts.add({ text, issuer: 'KDP' }), AMAZON_KEY)
  const code = page.getByTestId('code')
  await expect(code).toHaveText(/^\d{3} \d{3}$/)
  await code.click()
  await expect(page.getByTestId('toast')).toContainText('Copied code. The clipboard will be cleared in 30 s.')
  const copied = await app.clipboardText()
  expect(totpWindow(AMAZON_KEY, Date.now())).toContain(copied)
  await code.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('toast')).toContainText('Copied')
})

test('typing anywhere searches, and Escape clears', async ({ page }) => {
  for (const [issuer, label, text] of [
    ['Amazon Seller Central', 'eu@example.com', 'JBSWY3DPEHPK3PXP'],
    ['Amazon KDP', 'author@example.com', 'KRSXG5CTMVRXE5DF'],
    ['GitHub', 'dev@example.com', 'ONXWC3TFMFZWK4ZA'],
  ]) {
    const r = await page.evaluate((input) => window.sellerguard.accounts.add(input), { text: text!, issuer: issuer!, label: label! })
    expect(r.ok, JSON.stringify(r)).toBe(true)
  }
  await expect(page.getByTestId('code-row')).toHaveCount(3)
  await page.locator('body').click()
  await page.keyboard.type('kdp')
  await expect(page.getByRole('searchbox', { name: 'Search accounts' })).toHaveValue('kdp')
  await expect(page.getByTestId('code-row')).toHaveCount(1)
  await expect(page.getByTestId('code-row')).toContainText('author@example.com')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('code-row')).toHaveCount(3)
  await page.keyboard.press('Control+f')
  await expect(page.getByRole('searchbox', { name: 'Search accounts' })).toBeFocused()
  await page.keyboard.type('nothing like this')
  await expect(page.getByTestId('no-results')).toBeVisible()
})

test('delete keeps an undo, and undo brings the account back', async ({ page }) => {
  await page.evaluate((text) => window.sellerguard.accounts.add({ text, issuer: 'Associates' }), AMAZON_KEY)
  await page.getByRole('button', { name: 'Actions for Associates' }).click()
  await page.getByRole('menuitem', { name: 'Edit account…' }).click()
  await page.getByTestId('edit-dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByTestId('empty-state')).toBeVisible()
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByTestId('code-row')).toHaveCount(1)
  await expect(page.getByTestId('code')).toHaveText(/^\d{3} \d{3}$/)
})

test('editing cannot leave an account without a name and account, as adding cannot', async ({ page }) => {
  await page.evaluate((text) => window.sellerguard.accounts.add({ text, issuer: 'KDP', label: 'author@example.com' }), AMAZON_KEY)
  await page.getByRole('button', { name: 'Actions for KDP' }).click()
  await page.getByRole('menuitem', { name: 'Edit account…' }).click()
  const dialog = page.getByTestId('edit-dialog')
  await dialog.getByLabel('Name').fill('')
  await dialog.getByLabel('Account').fill('  ')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByTestId('edit-error')).toContainText('Give the account a name or an account')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('code-row')).toContainText('KDP')
  await expect(page.getByTestId('code-row')).toContainText('author@example.com')
})

test('adding a key that is already there warns, as an import does', async ({ page }) => {
  await page.evaluate((text) => window.sellerguard.accounts.add({ text, issuer: 'Amazon Seller Central', label: 'eu@example.com' }), AMAZON_KEY)
  await expect(page.getByTestId('code-row')).toHaveCount(1)
  await page.getByRole('button', { name: 'Add account' }).first().click()
  const dialog = page.getByTestId('add-dialog')
  await dialog.getByLabel('Key or otpauth:// link').fill(AMAZON_KEY.replace(/ /g, '').toLowerCase())
  await expect(dialog.getByTestId('text-duplicate')).toHaveText(
    'This key is already in SellerGuard as “Amazon Seller Central — eu@example.com”. Adding it again makes a second account with the same codes.',
  )
  // A different key: no warning.
  await dialog.getByLabel('Key or otpauth:// link').fill('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')
  await expect(dialog.getByTestId('text-ok')).toBeVisible()
  await expect(dialog.getByTestId('text-duplicate')).toHaveCount(0)
})

test('a revealed secret comes with what another app needs to make the same codes', async ({ page }, testInfo) => {
  const key = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
  await page.evaluate((text) => window.sellerguard.accounts.add({ text }), `otpauth://totp/Bank:me%40example.com?secret=${key}&issuer=Bank&algorithm=SHA256&digits=8&period=60`)
  await page.evaluate(() => window.sellerguard.accounts.add({ text: 'otpauth://hotp/Token:me?secret=JBSWY3DPEHPK3PXP&issuer=Token&counter=7' }))
  await page.getByRole('button', { name: /^Actions for Bank/ }).click()
  await page.getByRole('menuitem', { name: 'Edit account…' }).click()
  const dialog = page.getByTestId('edit-dialog')
  await dialog.getByRole('button', { name: 'Show secret and QR code…' }).click()
  await expect(dialog.getByTestId('revealed')).toContainText('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ')
  await expect(dialog.getByTestId('revealed-params')).toHaveText(['TypeTOTP (time-based)', 'AlgorithmSHA256', 'Digits8', 'Period60 s'].join(''))
  await dialog.screenshot({ path: testInfo.outputPath('reveal.png') })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('button', { name: /^Actions for Token/ }).click()
  await page.getByRole('menuitem', { name: 'Edit account…' }).click()
  await page.getByTestId('edit-dialog').getByRole('button', { name: 'Show secret and QR code…' }).click()
  await expect(page.getByTestId('revealed-params')).toHaveText(['TypeHOTP (counter-based)', 'AlgorithmSHA1', 'Digits6', 'Counter7'].join(''))
})

test('scanning the screen is offered only where a screen can be seen', async ({ page, app }) => {
  await page.getByRole('button', { name: 'Add account' }).first().click()
  const dialog = page.getByTestId('add-dialog')
  const scan = dialog.getByRole('button', { name: 'Scan a QR code on the screen' })
  if (app.mode === 'web') {
    // Web mode's server has no display here: no button that can only fail, but a way that works.
    await expect(dialog.getByTestId('no-screen-scan')).toContainText('Web mode cannot look at your screen')
    await expect(scan).toHaveCount(0)
    await expect(dialog.getByText('Open a QR image…')).toBeVisible()
  } else {
    await expect(scan).toBeVisible()
    await expect(dialog.getByTestId('no-screen-scan')).toHaveCount(0)
  }
})

test('the added step tells where to enter the code in words for the account’s kind', async ({ page }) => {
  const addAs = async (issuer: string, key: string) => {
    await page.getByRole('button', { name: 'Add account' }).first().click()
    const dialog = page.getByTestId('add-dialog')
    await dialog.getByLabel('Key or otpauth:// link').fill(key)
    await dialog.getByLabel('Name').fill(issuer)
    await dialog.getByRole('button', { name: 'Add account' }).click()
    return page.getByTestId('added-dialog').getByTestId('added-instructions')
  }
  // Not an Amazon site: nothing about Amazon or its button.
  const ebay = await addAs('eBay', 'KRSXG5CTMVRXE5DFONXWC3TFMFZWK4ZA')
  await expect(ebay).toHaveText(/enter this code on the site that showed you the key/)
  await expect(ebay).not.toContainText('Amazon')
  await expect(ebay).not.toContainText('Verify OTP')
  await page.getByTestId('added-dialog').getByRole('button', { name: 'Done' }).click()
  const kdp = await addAs('KDP', 'ONXWC3TFMFZWK4ZAMJQXEY3PMRSSAZLO')
  await expect(kdp).toContainText('enter this code on Amazon KDP')
  await expect(kdp).toContainText('Verify OTP and continue')
})
