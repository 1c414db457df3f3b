import type { ChecklistResult } from './evaluate'
import { SECTION_ORDER, SECTION_TITLES } from './item'
import { accountSubtitle, accountTitle, formatDate, progressText, statusText, type ReportOptions } from './report-text'

/**
 * Backslash-escapes what Markdown would read as formatting, links or HTML
 * (CommonMark allows a backslash before any ASCII punctuation), and keeps
 * text on one line so a note cannot start a heading or a list of its own.
 * A plain "&" stays as it is ("Login & security"); only one that starts an
 * entity reference ("&lt;") is escaped, so it is shown rather than decoded.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' / ')
    .replace(/[\\`*_[\]<>|~#]|&(?=#?[A-Za-z0-9]+;)/g, '\\$&')
}

/** The checklist as Markdown: a file a seller can keep, print or paste into notes. */
export function checklistMarkdown(result: ChecklistResult, options: ReportOptions = {}): string {
  const tz = options.timeZone ?? 'UTC'
  const out: string[] = [
    '# SellerGuard security checklist',
    '',
    `Made on ${formatDate(result.evaluatedAt, tz)} (${escapeMarkdown(tz)}) · ${progressText(result.progress)}`,
  ]
  if (result.accounts.length === 0) out.push('', 'No accounts yet.')
  for (const account of result.accounts) {
    out.push('', `## ${escapeMarkdown(accountTitle(account.issuer, account.label))}`, '')
    out.push(`${escapeMarkdown(accountSubtitle(account.kind, account.region))} · ${progressText(account.progress)}`)
    if (account.regionNote) out.push('', `> ${escapeMarkdown(account.regionNote)}`)
    for (const section of SECTION_ORDER) {
      const items = account.items.filter((i) => i.section === section)
      if (items.length === 0) continue
      out.push('', `### ${SECTION_TITLES[section]}`, '')
      for (const item of items) {
        const box = item.status === 'done' || item.status === 'verified' ? '[x]' : '[ ]'
        out.push(`- ${box} **${escapeMarkdown(item.title)}** — ${escapeMarkdown(statusText(item, tz))}`)
        out.push(`  - Why: ${escapeMarkdown(item.why)}`)
        out.push(`  - Where: ${escapeMarkdown(item.where)}`)
        if (item.note) out.push(`  - Note: ${escapeMarkdown(item.note)}`)
      }
    }
  }
  return `${out.join('\n')}\n`
}
