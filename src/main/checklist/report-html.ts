import type { AccountChecklistView, ChecklistItemView, ItemStatus } from '../../shared/contract'
import { sourceText } from '../../shared/checklist-labels'
import type { ChecklistResult } from './evaluate'
import { SECTION_ORDER, SECTION_TITLES } from './item'
import {
  KIND_NAMES,
  STATUS_LABELS,
  accountSubtitle,
  accountTitle,
  evidenceDate,
  formatDate,
  knownZone,
  madeOnText,
  progressText,
  statusText,
  summaryLines,
  type ReportOptions,
} from './report-text'

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
.warning{background:#fde2e1;color:#8a1c17;padding:.5rem .7rem;border-radius:4px;font-weight:600}
.summary{list-style:disc;padding-left:1.4rem}.summary li{border:0;padding:0;margin:.2rem 0}
.source{margin:.2rem 0 0;font-size:.8rem;color:#4a5263}.kept{color:#4a5263}
h2,h3,p,li{overflow-wrap:anywhere}
@media print{body{margin:0;max-width:none}li{break-inside:avoid}}
`

/**
 * The checklist as one self-contained HTML file: no scripts, no external
 * fonts, images or styles, and a Content-Security-Policy that would refuse
 * them anyway. Every piece of text — account names, notes — is escaped, so
 * a note saying `<script>` shows as those characters.
 */
export function checklistHtml(result: ChecklistResult, options: ReportOptions = {}): string {
  const tz = knownZone(options.timeZone)
  const made = formatDate(result.evaluatedAt, tz)
  const warning = options.problem
    ? `<p class="warning" role="alert">Warning: ${escapeHtml(options.problem)} Your ticks are missing from this report until the checklist file is recovered.</p>\n`
    : ''
  const body =
    result.accounts.length === 0
      ? '<p>No accounts yet.</p>'
      : [summaryHtml(result), computerHtml(result, tz), ...result.accounts.map((a) => accountHtml(a, tz))].join('\n')
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
<p class="meta">${escapeHtml(madeOnText(result, tz))}</p>
${warning}${progressBar(result.progress.done, result.progress.total)}
${body}
</body>
</html>
`
}

function progressBar(done: number, total: number): string {
  return `<progress value="${done}" max="${Math.max(total, 1)}">${done} of ${total}</progress>`
}

function sectionsHtml(items: readonly ChecklistItemView[], tz: string): string {
  return SECTION_ORDER.flatMap((section) => {
    const inSection = items.filter((i) => i.section === section)
    return inSection.length === 0 ? [] : [`<h3>${escapeHtml(SECTION_TITLES[section])}</h3>\n<ul>\n${inSection.map((i) => itemHtml(i, tz)).join('\n')}\n</ul>`]
  }).join('\n')
}

function summaryHtml(result: ChecklistResult): string {
  return `<section>
<h2>What’s left</h2>
<ul class="summary">
${summaryLines(result)
  .map((line) => `<li>${escapeHtml(line)}</li>`)
  .join('\n')}
</ul>
</section>`
}

function computerHtml(result: ChecklistResult, tz: string): string {
  return `<section>
<h2>This computer</h2>
<p class="meta">${escapeHtml(progressText(result.computer.progress))}</p>
${sectionsHtml(result.computer.items, tz)}
</section>`
}

function accountHtml(account: AccountChecklistView, tz: string): string {
  const kept = account.keptFromKinds.map(
    (k) =>
      `<p class="kept">Kept from the ${escapeHtml(KIND_NAMES[k.kind])} checklist (not counted): ${k.items
        .map((i) => escapeHtml(`${i.title} — done ${formatDate(i.doneAt, tz)}${i.by ? ` by ${i.by}` : ''}`))
        .join('; ')}</p>`,
  )
  return `<section>
<h2><bdi>${escapeHtml(accountTitle(account.issuer, account.label))}</bdi></h2>
<p class="meta">${escapeHtml(accountSubtitle(account.kind, account.region))} · ${escapeHtml(progressText(account.progress))}</p>
${account.regionNote ? `<p class="hint">${escapeHtml(account.regionNote)}</p>\n` : ''}${sectionsHtml(account.items, tz)}
${kept.join('\n')}
</section>`
}

function itemHtml(item: ChecklistItemView, tz: string): string {
  // The badge already names the status: below it go the dates, or what SellerGuard found.
  const detail = item.status === 'done' || item.status === 'due' ? statusText(item, tz) : `${item.finding ?? ''}${evidenceDate(item, tz)}`
  return `<li class="${STATUS_CLASS[item.status]}">
<div><span class="badge">${escapeHtml(STATUS_LABELS[item.status])}</span><strong>${escapeHtml(item.title)}</strong></div>
${detail ? `<p class="status">${escapeHtml(detail)}</p>\n` : ''}<p class="why">${escapeHtml(item.why)}</p>
<p class="where">Where: ${escapeHtml(item.where)}</p>
${item.note ? `<p class="note" dir="auto">${escapeHtml(item.note)}</p>\n` : ''}${item.sources.map((src) => `<p class="source">${escapeHtml(sourceText(src))}</p>`).join('\n')}
</li>`
}
