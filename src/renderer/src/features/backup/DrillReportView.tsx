import type { BackupDifference, DrillReport } from '../../contract'

const FIELD_WORDS: Readonly<Record<BackupDifference['fields'][number], string>> = {
  type: 'code type',
  issuer: 'name',
  label: 'account name',
  algorithm: 'algorithm',
  digits: 'digits',
  period: 'period',
  counter: 'counter',
  group: 'group',
  kind: 'kind',
  secret: 'secret key',
}

function differenceWords(d: BackupDifference): string {
  if (d.change === 'missing') return 'not in the backup'
  if (d.change === 'extra') return 'only in the backup (deleted here since)'
  return `changed since: ${d.fields.map((f) => FIELD_WORDS[f]).join(', ')}`
}

/** The restore drill's answer: "matches", or exactly which accounts differ and how. */
export function DrillReportView({ report }: Readonly<{ report: DrillReport }>) {
  switch (report.result) {
    case 'matches':
      return (
        <p className="drill drill--ok" role="status" data-testid="drill-report" data-result="matches">
          <strong>Matches.</strong> The newest backup, <code>{report.file}</code>, opens with its password on its own and holds exactly what SellerGuard holds now.
        </p>
      )
    case 'differs':
      return (
        <div className="drill drill--warn" role="status" data-testid="drill-report" data-result="differs">
          <p>
            <strong>The newest backup opens, but differs from SellerGuard now</strong> (<code>{report.file}</code>):
          </p>
          <ul>
            {report.accounts.map((d) => (
              <li key={`${d.change}-${d.accountId}`}>
                <bdi>{d.name}</bdi>: {differenceWords(d)}
              </li>
            ))}
            {report.checklistDiffers && <li>The checklist has changed since.</li>}
          </ul>
          <p className="muted">A new backup with these changes is written shortly.</p>
        </div>
      )
    case 'unreadable':
      return (
        <p className="drill drill--bad" role="alert" data-testid="drill-report" data-result="unreadable">
          <strong>The newest backup cannot be restored.</strong> {report.message}
        </p>
      )
    case 'none':
      return (
        <p className="drill" role="status" data-testid="drill-report" data-result="none">
          {report.message}
        </p>
      )
  }
}
