import type { ChecklistItemView } from '../../shared/contract'
import { sourceText } from '../../shared/checklist-labels'
import type { ChecklistResult } from './evaluate'
import { SECTION_ORDER, SECTION_TITLES } from './item'
import { KIND_NAMES, accountSubtitle, accountTitle, formatDate, knownZone, madeOnText, progressText, statusText, summaryLines, type ReportOptions } from './report-text'

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

function itemLines(item: ChecklistItemView, tz: string): string[] {
  const box = item.status === 'done' || item.status === 'verified' ? '[x]' : '[ ]'
  return [
    `- ${box} **${escapeMarkdown(item.title)}** — ${escapeMarkdown(statusText(item, tz))}`,
    `  - Why: ${escapeMarkdown(item.why)}`,
    `  - Where: ${escapeMarkdown(item.where)}`,
    ...(item.note ? [`  - Note: ${escapeMarkdown(item.note)}`] : []),
    ...item.sources.map((s) => `  - ${escapeMarkdown(sourceText(s))}`),
  ]
}

function sectionLines(items: readonly ChecklistItemView[], tz: string, heading: string): string[] {
  const out: string[] = []
  for (const section of SECTION_ORDER) {
    const inSection = items.filter((i) => i.section === section)
    if (inSection.length === 0) continue
    out.push('', `${heading} ${SECTION_TITLES[section]}`, '')
    for (const item of inSection) out.push(...itemLines(item, tz))
  }
  return out
}

/** The checklist as Markdown: a file a seller can keep, print or paste into notes. */
export function checklistMarkdown(result: ChecklistResult, options: ReportOptions = {}): string {
  const tz = knownZone(options.timeZone)
  const out: string[] = ['# SellerGuard security checklist', '', escapeMarkdown(madeOnText(result, tz))]
  if (options.problem) out.push('', `> **Warning:** ${escapeMarkdown(options.problem)} Your ticks are missing from this report until the checklist file is recovered.`)
  if (result.accounts.length === 0) out.push('', 'No accounts yet.')
  else {
    out.push('', '## What’s left', '', ...summaryLines(result).map((line) => `- ${escapeMarkdown(line)}`))
    out.push('', '## This computer', '', progressText(result.computer.progress), ...sectionLines(result.computer.items, tz, '###'))
  }
  for (const account of result.accounts) {
    out.push('', `## ${escapeMarkdown(accountTitle(account.issuer, account.label))}`, '')
    out.push(`${escapeMarkdown(accountSubtitle(account.kind, account.region))} · ${progressText(account.progress)}`)
    if (account.regionNote) out.push('', `> ${escapeMarkdown(account.regionNote)}`)
    out.push(...sectionLines(account.items, tz, '###'))
    for (const kept of account.keptFromKinds) {
      out.push('', `Kept from the ${KIND_NAMES[kept.kind]} checklist (not counted):`, '')
      for (const item of kept.items) out.push(`- ${escapeMarkdown(item.title)} — done ${formatDate(item.doneAt, tz)}${item.by ? ` by ${escapeMarkdown(item.by)}` : ''}`)
    }
  }
  return `${out.join('\n')}\n`
}
