import { describe, expect, it } from 'vitest'
import { ExportedFile } from '../../shared/contract'
import { DAY_MS, evaluateChecklist, type ChecklistEvidence } from './evaluate'
import { clockAt } from '../../../test/helpers/clock-status'
import { exportChecklistReport } from './report'
import { checklistHtml, escapeHtml } from './report-html'
import { checklistMarkdown, escapeMarkdown } from './report-markdown'
import { formatDate, percent } from './report-text'
import { emptyChecklistState, setItem, setRegion, type ChecklistState, type ItemUpdate } from './state'

const T0 = 1_767_225_600_000 // 2026-01-01T00:00:00Z
const NOW = T0 + 200 * DAY_MS // 2026-07-20
const evidence: ChecklistEvidence = {
  accountIdsWithKey: new Set(['account-0001']),
  clock: clockAt(NOW - 60_000, 40),
  backups: { accounts: { 'account-0001': { at: T0 + 150 * DAY_MS } } },
  lock: { appLock: { met: true, finding: 'The app lock is on and locks after 5 min idle.' }, screenPrivacy: { met: true, finding: 'Codes stay hidden until you click a row.' } },
}
const SC = { id: 'account-0001', kind: 'seller-central' as const, issuer: 'Amazon & Co <b>', label: 'seller@example.com', verifiedAt: T0 }

function withTicks(...updates: Omit<ItemUpdate, 'done' | 'accountId' | 'kind'>[]): ChecklistState {
  return updates.reduce((s, u) => {
    const next = setItem(s, { accountId: SC.id, kind: 'seller-central', done: true, ...u })
    if (!next.ok) throw new Error(next.error.kind)
    return next.value
  }, setRegion(emptyChecklistState(), SC.id, 'eu'))
}

const result = evaluateChecklist({
  accounts: [SC],
  state: withTicks(
    { itemId: 'deposit-method', at: T0 + 10 * DAY_MS, by: 'Ana', note: 'Verified.\n<script>alert("x")</script> & more' },
    { itemId: 'bank-review', at: T0 },
  ),
  evidence,
  now: NOW,
})

describe('report text', () => {
  it.each([
    [{ done: 0, total: 0 }, 0],
    [{ done: 1, total: 3 }, 33],
    [{ done: 23, total: 24 }, 95],
    [{ done: 199, total: 200 }, 99],
    [{ done: 24, total: 24 }, 100],
  ])('percent(%j) = %d (rounded down: never a premature 100)', (progress, expected) => {
    expect(percent(progress)).toBe(expected)
  })

  it('formats dates in the chosen zone, falling back to UTC for a zone it does not know', () => {
    const lateEvening = Date.UTC(2026, 0, 1, 23, 30)
    expect(formatDate(lateEvening)).toBe('2026-01-01')
    expect(formatDate(lateEvening, 'Asia/Tokyo')).toBe('2026-01-02')
    expect(formatDate(lateEvening, 'America/Los_Angeles')).toBe('2026-01-01')
    expect(formatDate(lateEvening, 'Not/AZone')).toBe('2026-01-01')
  })
})

describe('Markdown report', () => {
  const md = checklistMarkdown(result)

  it('has the date, overall and per-account progress, region, sections, statuses with dates, and notes', () => {
    expect(md).toMatch(/^# SellerGuard security checklist\n/)
    expect(md).toContain('Made on 2026-07-20 00:00 (dates are UTC time) · 5 of 15 done (33%)')
    expect(md).toContain('## Amazon & Co \\<b\\> (seller@example.com)')
    expect(md).toContain('Amazon Seller Central · Europe (UK and EU stores) · 1 of 10 done (10%)')
    expect(md).toContain('### Bank and tax')
    expect(md).toContain('- [x] **A deposit method is added and verified** — Done 2026-01-11 by Ana')
    expect(md).toContain('- [ ] **Bank details reviewed recently** — Due again since 2026-06-30 (last done 2026-01-01)')
    expect(md).toContain('- [x] **This computer’s clock is right** — Checked by SellerGuard — Your computer’s clock is in sync')
    expect(md).toContain('- [ ] **Two-step verification uses an authenticator app** — Due again since 2026-06-30 (last checked 2026-01-01)')
    expect(md).toContain('  - Where: Settings → Account Info → Deposit Methods')
  })

  it('starts with what is left, on this computer and per account, before the details', () => {
    const summary = md.indexOf('## What’s left')
    expect(summary).toBeGreaterThan(0)
    expect(summary).toBeLessThan(md.indexOf('## This computer'))
    expect(md).toContain('- This computer: 1 to do (Never give anyone a sign-in code)')
    expect(md).toContain('- Amazon & Co \\<b\\> (seller@example.com) (Seller Central): 2 due again, 7 to do (first: Two-step verification uses an authenticator app; Bank details reviewed recently)')
  })

  it('names each item’s source', () => {
    expect(md).toContain('  - Amazon help (sellercentral.amazon.com, page 851): Bank account information — checked 2026-12-01.')
  })

  it('escapes notes so they cannot inject HTML, links or structure', () => {
    expect(md).toContain('  - Note: Verified. / \\<script\\>alert("x")\\</script\\> & more')
    expect(md).not.toContain('<script>')
    expect(escapeMarkdown('# [link](http://x) *b* `c`\n- item')).toBe('\\# \\[link\\](http://x) \\*b\\* \\`c\\` / - item')
    expect(escapeMarkdown('Login & security &lt;b&gt; &#60;')).toBe('Login & security \\&lt;b\\&gt; \\&\\#60;')
  })
})

describe('HTML report', () => {
  const html = checklistHtml(result, { timeZone: 'Europe/Berlin' })

  it('escapes everything the user typed: a note with <script> stays text', () => {
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; more')
    expect(html).toContain('<h2><bdi>Amazon &#38; Co &#60;b&#62; (seller@example.com)</bdi></h2>')
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;')
  })

  it('is self-contained: no scripts, no external resources, and a CSP that would refuse them', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`)
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import|https?:\/\//i)
    expect(html.startsWith('<!doctype html>')).toBe(true)
  })

  it('has dates (in the chosen zone), progress, statuses and the note', () => {
    expect(html).toContain('Made on 2026-07-20 02:00 (dates are Europe/Berlin time) · 5 of 15 done (33%)')
    expect(html).toContain('<progress value="5" max="15">5 of 15</progress>')
    expect(html).toContain('Done 2026-01-11 by Ana')
    expect(html).toContain('Due again since 2026-06-30 (last done 2026-01-01)')
    expect(html).toMatch(/<li class="bad">|<li class="due">/)
    expect(html).toContain('<p class="note" dir="auto">Verified.\n&#60;script&#62;')
    // The badge names the status; the line below says what SellerGuard found, without repeating it.
    expect(html).toContain('<span class="badge">Checked by SellerGuard</span><strong>This computer’s clock is right</strong></div>\n<p class="status">Your computer’s clock is in sync')
  })

  it('says so when there are no accounts', () => {
    const empty = evaluateChecklist({ accounts: [], state: emptyChecklistState(), evidence, now: NOW })
    expect(checklistHtml(empty)).toContain('<p>No accounts yet.</p>')
    expect(checklistMarkdown(empty)).toContain('No accounts yet.')
  })
})

describe('exportChecklistReport', () => {
  it.each([
    ['markdown', 'sellerguard-checklist-2026-07-20.md', 'text/markdown; charset=utf-8', '# SellerGuard security checklist'],
    ['html', 'sellerguard-checklist-2026-07-20.html', 'text/html; charset=utf-8', '<!doctype html>'],
  ] as const)('%s → %s', (format, fileName, mimeType, start) => {
    const report = exportChecklistReport(result, format)
    // Exactly the contract's ExportedFile: nothing for dispatch to strip.
    expect(ExportedFile.strict().parse(report)).toMatchObject({ fileName, mimeType })
    expect(report.content.startsWith(start)).toBe(true)
  })
})
