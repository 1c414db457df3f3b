import { describe, expect, it } from 'vitest'
import { createAppUrlCheck } from './app-url'

describe('is this the app page?', () => {
  const isApp = createAppUrlCheck('app://sellerguard/index.html')
  it.each([
    ['app://sellerguard/index.html', true],
    ['app://sellerguard/assets/x.js', true],
    ['app://other/index.html', false],
    ['file:///etc/passwd', false],
    ['file://sellerguard/index.html', false],
    ['https://sellerguard/', false],
    ['app:///index.html', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, expected) => expect(isApp(url)).toBe(expected))

  it('in dev, only the dev server counts', () => {
    const dev = createAppUrlCheck('http://localhost:5173/')
    expect(dev('http://localhost:5173/index.html')).toBe(true)
    expect(dev('http://localhost:5174/')).toBe(false)
    expect(dev('https://localhost:5173/')).toBe(false)
  })
})
