import type { AccountChecklistView, ChecklistItemView, ItemStatus } from '../../shared/contract'
import type { ChecklistResult } from './evaluate'
import { SECTION_ORDER, SECTION_TITLES } from './item'
import { STATUS_LABELS, accountSubtitle, accountTitle, formatDate, progressText, statusText, type ReportOptions } from './report-text'

/** Text for HTML content and attribute values: the five characters that can end either. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const STATUS_CLASS: Readonly<Record<ItemStatus, string>> = { done: 'ok', verified: 'ok', todo: 'todo', due: 'due', failing: 'bad' }

// Everything inline: the file must open the same way years from now, offline.
const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #d6dae3;padding-bottom:.2rem}
h3{font-size:1rem;text-transform:uppercase;letter-spacing:.04em;color:#4a5263;margin-top:1.4rem}
.meta{color:#4a5263}progress{width:100%;height:.6rem}
ul{list-style:none;padding:0}li{border:1px solid #d6dae3;border-radius:6px;padding:.6rem .8rem;margin:.5rem 0}
.badge{display:inline-block;font-size:.8rem;font-weight:600;border-radius:4px;padding:0 .4rem;margin-right:.4rem}
.ok .badge{background:#dff3e4;color:#1b5e2f}.todo .badge{background:#eceff4;color:#3b4252}
.due .badge{background:#fff1d6;color:#7a4d00}.bad .badge{background:#fde2e1;color:#8a1c17}
.why,.where,.note,.status{margin:.2rem 0 0}.where{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}
.note{background:#f6f7f9;border-left:3px solid #9aa3b5;padding:.2rem .5rem;white-space:pre-wrap}
.hint{background:#eef4ff;padding:.4rem .6rem;border-radius:4px}
@media print{body{margin:0;max-width:none}li{break-inside:avoid}}
`

/**
 * The checklist as one self-contained HTML file: no scripts, no external
 * fonts, images or styles, and a Content-Security-Policy that would refuse
 * them anyway. Every piece of text — account names, notes — is escaped, so
 * a note saying `<script>` shows as those characters.
 */
export function checklistHtml(result: ChecklistResult, options: ReportOptions = {}): string {
  const tz = options.timeZone ?? 'UTC'
  const made = formatDate(result.evaluatedAt, tz)
  const body = result.accounts.length === 0 ? '<p>No accounts yet.</p>' : result.accounts.map((a) => accountHtml(a, tz)).join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SellerGuard security checklist — ${escapeHtml(made)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>SellerGuard security checklist</h1>
<p class="meta">Made on ${escapeHtml(made)} (${escapeHtml(tz)}) · ${escapeHtml(progressText(result.progress))}</p>
${progressBar(result.progress.done, result.progress.total)}
${body}
</body>
</html>
`
}

function progressBar(done: number, total: number): string {
  return `<progress value="${done}" max="${Math.max(total, 1)}">${done} of ${total}</progress>`
}

function accountHtml(account: AccountChecklistView, tz: string): string {
  const sections = SECTION_ORDER.flatMap((section) => {
    const items = account.items.filter((i) => i.section === section)
    return items.length === 0 ? [] : [`<h3>${escapeHtml(SECTION_TITLES[section])}</h3>\n<ul>\n${items.map((i) => itemHtml(i, tz)).join('\n')}\n</ul>`]
  })
  return `<section>
<h2>${escapeHtml(accountTitle(account.issuer, account.label))}</h2>
<p class="meta">${escapeHtml(accountSubtitle(account.kind, account.region))} · ${escapeHtml(progressText(account.progress))}</p>
${account.regionNote ? `<p class="hint">${escapeHtml(account.regionNote)}</p>\n` : ''}${sections.join('\n')}
</section>`
}

function itemHtml(item: ChecklistItemView, tz: string): string {
  // The badge already names the status: below it go the dates, or what SellerGuard found.
  const detail = item.status === 'done' || item.status === 'due' ? statusText(item, tz) : (item.finding ?? '')
  return `<li class="${STATUS_CLASS[item.status]}">
<div><span class="badge">${escapeHtml(STATUS_LABELS[item.status])}</span><strong>${escapeHtml(item.title)}</strong></div>
${detail ? `<p class="status">${escapeHtml(detail)}</p>\n` : ''}<p class="why">${escapeHtml(item.why)}</p>
<p class="where">Where: ${escapeHtml(item.where)}</p>
${item.note ? `<p class="note">${escapeHtml(item.note)}</p>\n` : ''}</li>`
}
