import type { ExportedFile, ReportFormat } from '../../shared/contract'
import type { ChecklistResult } from './evaluate'
import { checklistHtml } from './report-html'
import { checklistMarkdown } from './report-markdown'
import { formatDate, knownZone, type ReportOptions } from './report-text'

const FORMATS: Readonly<Record<ReportFormat, Readonly<{ extension: string; mimeType: string; render: typeof checklistMarkdown }>>> = {
  markdown: { extension: 'md', mimeType: 'text/markdown; charset=utf-8', render: checklistMarkdown },
  html: { extension: 'html', mimeType: 'text/html; charset=utf-8', render: checklistHtml },
}

/** The checklist as a file a seller can keep: Markdown, or a self-contained HTML page. */
export function exportChecklistReport(result: ChecklistResult, format: ReportFormat, options: ReportOptions = {}): ExportedFile {
  const { extension, mimeType, render } = FORMATS[format]
  const fileName = `sellerguard-checklist-${formatDate(result.evaluatedAt, knownZone(options.timeZone))}.${extension}`
  return { fileName, mimeType, content: render(result, options) }
}
