import { STORED_FILE_WORDS, type StoredFileIssue } from '../../contract'
import { useStore } from '../../store'

const fileName = (p: string) => p.split(/[\\/]/).pop() ?? p

function FileProblem({ issue }: Readonly<{ issue: StoredFileIssue }>) {
  const recover = useStore((s) => s.recoverFile)
  const { what, fresh } = STORED_FILE_WORDS[issue.file]
  const why = issue.kind === 'too-new' ? 'it was saved by a newer version of SellerGuard' : issue.kind === 'damaged' ? 'it is damaged' : 'it could not be read'
  return (
    <div role="alert" className="banner banner--critical" data-testid="file-banner" data-file={issue.file} data-kind={issue.kind}>
      <div>
        <strong>{`Your ${what} could not be used: ${why}.`}</strong> SellerGuard has not written over it, and will not change it until you choose.
        {issue.backup === 'usable' ? ' A previous version is available.' : ' There is no usable previous version.'}
        <div className="banner__detail">
          {fileName(issue.path)}: {issue.reason}. “Start fresh” begins with {fresh}; the {issue.kind === 'too-new' ? 'newer' : 'damaged'} file is kept beside it.
        </div>
      </div>
      <div className="banner__actions">
        {issue.backup === 'usable' && (
          <button type="button" className="button button--primary" onClick={() => void recover(issue.file, 'backup')}>
            Use the backup copy
          </button>
        )}
        <button type="button" className="button" onClick={() => void recover(issue.file, 'fresh')}>
          Start fresh
        </button>
      </div>
    </div>
  )
}

function FileRestored({ issue }: Readonly<{ issue: StoredFileIssue }>) {
  const dismiss = useStore((s) => s.dismissFileNotice)
  return (
    <div role="status" className="banner banner--warn" data-testid="file-restored" data-file={issue.file}>
      <div>
        {`Your ${STORED_FILE_WORDS[issue.file].what} file (${fileName(issue.path)}) was missing, so SellerGuard restored its previous version. The most recent change may be missing.`}
      </div>
      <button type="button" className="button" onClick={() => void dismiss(issue.file)}>
        OK
      </button>
    </div>
  )
}

/**
 * One banner per file SellerGuard could not use as it found it, with the
 * user's ways out. On the checklist screen the checklist's own banner says
 * it in place (and what the previous version loses), so it is not said twice.
 */
export function StorageBanner() {
  const all = useStore((s) => s.storage.issues)
  const screen = useStore((s) => s.screen)
  const issues = all.filter((issue) => !(screen === 'checklist' && issue.file === 'checklist' && issue.kind !== 'restored'))
  return (
    <>
      {issues.map((issue) => (issue.kind === 'restored' ? <FileRestored key={issue.file} issue={issue} /> : <FileProblem key={issue.file} issue={issue} />))}
    </>
  )
}
