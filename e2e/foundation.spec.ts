import type { Request } from '@playwright/test'
import { expect, test } from './fixtures'

test('the app shell loads with its sidebar and first screen', async ({ page }, testInfo) => {
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  for (const item of ['Codes', 'Checklist', 'Clock', 'Settings']) {
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: item })).toBeVisible()
  }
  await expect(page.getByRole('heading', { name: 'Add your first account' })).toBeVisible()
  await expect(page.getByTestId('app-version')).toContainText('SellerGuard')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    const file = testInfo.outputPath(`first-screen-${scheme}.png`)
    await page.screenshot({ path: file })
    await testInfo.attach(`first screen (${scheme})`, { path: file, contentType: 'image/png' })
  }
})

test('a contract call round-trips to main and back', async ({ page }) => {
  const reply = await page.evaluate(() => window.sellerguard.app.info())
  expect(reply.ok).toBe(true)
  if (!reply.ok) return
  expect(reply.value.name).toBe('SellerGuard')
  expect(['electron', 'web']).toContain(reply.value.runtime)
  expect(reply.value.version).toMatch(/^\d+\.\d+\.\d+/)
})

test('main-side errors arrive as typed errors, not throws', async ({ page }) => {
  const missing = await page.evaluate(() => window.sellerguard.accounts.get({ id: 'does-not-exist' }))
  expect(missing).toMatchObject({ ok: false, error: { kind: 'not-found' } })

  const invalid = await page.evaluate(() =>
    // A hostile or buggy caller: the schema refuses it before any service runs.
    (window.sellerguard.accounts.get as (input: unknown) => Promise<unknown>)({ id: 42 }),
  )
  expect(invalid).toMatchObject({ ok: false, error: { kind: 'invalid-request' } })
})

test('a pushed event updates the renderer store', async ({ page }) => {
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/)
  // Change the setting behind the UI's back: only main's `settings.changed` event can update the store.
  const reply = await page.evaluate(() => window.sellerguard.settings.update({ theme: 'dark' }))
  expect(reply.ok).toBe(true)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked()
  await page.getByRole('radio', { name: 'Light' }).check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
})

test('settings survive a reload', async ({ page }) => {
  await page.evaluate(() => window.sellerguard.settings.update({ theme: 'dark' }))
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
})

test('every request of a page load succeeds, the icon included', async ({ page }) => {
  // A request the first load starts late (Chromium asks for the icon after the page, even after network idle) is
  // aborted by the reload: that is the old page's, not a failure of the page load checked here. The reload's own
  // document request is the boundary: every request seen before it belongs to the old page.
  const earlier = new Set<Request>()
  let reloading = false
  let reloadSeen = false
  page.on('request', (request) => {
    if (reloadSeen) return
    if (reloading && request.isNavigationRequest() && request.frame() === page.mainFrame()) reloadSeen = true
    else earlier.add(request)
  })
  await page.waitForLoadState('networkidle')
  const failed: string[] = []
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`)
  })
  page.on('requestfailed', (request) => void (earlier.has(request) || failed.push(`failed ${new URL(request.url()).pathname}`)))
  reloading = true
  await page.reload({ waitUntil: 'networkidle' })
  expect(reloadSeen).toBe(true)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  const icon = await page.locator('link[rel="icon"]').getAttribute('href')
  expect(icon).toBeTruthy()
  const served = await page.evaluate(async (href) => {
    const res = await fetch(href)
    return { status: res.status, type: res.headers.get('content-type') }
  }, icon!)
  expect(served).toEqual({ status: 200, type: 'image/svg+xml' })
  expect(failed).toEqual([])
})
