import type { ChecklistView } from '../../shared/contract'
import type { ChecklistLoad } from './store'

type Problem = Exclude<ChecklistLoad, { kind: 'loaded' }>

/**
 * What the checklist screen says about a checklist file it cannot use, in
 * plain words (the parser's reason goes to the log, not to the user), with
 * what each way out costs. The choices themselves follow the storage
 * policy (`storage/file-policy.ts`): nothing is written until the user
 * picks one, and the damaged file is kept aside either way.
 */
export function problemView(problem: Problem): NonNullable<ChecklistView['problem']> {
  const backupUsable = problem.backup === 'usable'
  const backupLoses = backupUsable
    ? 'The previous version is the checklist as it was saved before the last change: that last tick, note or date will be missing.'
    : null
  const fresh = 'Starting fresh keeps the damaged file beside the new one, so nothing is deleted.'
  switch (problem.kind) {
    case 'damaged':
      return {
        message: `SellerGuard cannot read your checklist file: it is damaged${problem.backup === 'damaged' ? ', and so is its previous version' : ''}. Nothing has been changed.`,
        backupUsable,
        backupLoses,
        canStartFresh: true,
        fresh,
      }
    case 'too-new':
      return {
        message: 'Your checklist was saved by a newer SellerGuard. Update SellerGuard to use it; nothing has been changed.',
        backupUsable,
        backupLoses,
        canStartFresh: true,
        fresh,
      }
    case 'unreadable':
      return {
        message: 'SellerGuard could not open your checklist file (the disk or its permissions refused). Nothing has been changed; it tries again at the next start.',
        backupUsable: false,
        backupLoses: null,
        canStartFresh: false,
        fresh,
      }
  }
}
