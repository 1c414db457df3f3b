import { err, ok, type Result } from '../../shared/result'

/*
 * CSV as password managers write it (RFC 4180): comma-separated fields,
 * double quotes around fields holding commas, quotes or line breaks, a
 * doubled quote for a quote inside, CRLF or LF between records.
 */

export type CsvTable = Readonly<{
  /** The header's column names, trimmed and lower-cased. */
  columns: readonly string[]
  /** Records after the header, each with its 1-based line number. */
  rows: readonly Readonly<{ line: number; fields: readonly string[] }>[]
}>

export function parseCsv(text: string): Result<CsvTable, string> {
  const records: { line: number; fields: string[] }[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  let i = 0
  const endField = () => {
    fields.push(field)
    field = ''
  }
  const endRecord = () => {
    endField()
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields })
    fields = []
    recordLine = line
  }
  while (i < text.length) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }
      if (c === '"') quoted = false
      else {
        if (c === '\n') line++
        field += c
      }
      i++
      continue
    }
    if (c === '"' && field === '') quoted = true
    else if (c === ',') endField()
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      line++
      endRecord()
    } else field += c
    i++
  }
  if (quoted) return err(`A quoted field that starts on line ${recordLine} never ends: the file is cut short or damaged.`)
  if (field !== '' || fields.length > 0) endRecord()
  const [header, ...rows] = records
  if (!header) return err('The file is empty.')
  return ok({ columns: header.fields.map((name) => name.trim().toLowerCase()), rows })
}

/** A row's field by column name ('' when the column or field is missing). */
export function column(table: CsvTable, fields: readonly string[], name: string): string {
  const index = table.columns.indexOf(name)
  return index < 0 ? '' : (fields[index] ?? '')
}

/** Whether the first line of `text` names all of `columns` (detection by content). */
export function hasCsvHeader(text: string, columns: readonly string[]): boolean {
  const first = text.slice(0, 4096).split(/\r?\n/, 1)[0] ?? ''
  const names = first.split(',').map((name) => name.trim().replace(/^"|"$/g, '').toLowerCase())
  return columns.every((name) => names.includes(name))
}
