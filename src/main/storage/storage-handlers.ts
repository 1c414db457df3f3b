import { ok } from '../../shared/result'
import type { AreaHandlers } from '../core/dispatch'
import type { FileIssues } from './file-issues'

/** `storage.*`: what loading found in each file, and the user's way out of a damaged one. */
export function storageHandlers(issues: FileIssues): AreaHandlers<'storage'> {
  return {
    'storage.status': () => ok(issues.status()),
    'storage.recover': ({ file, use }) => issues.recover(file, use),
    'storage.dismiss': ({ file }) => ok(issues.dismiss(file)),
  }
}
