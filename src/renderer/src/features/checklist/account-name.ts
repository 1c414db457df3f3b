import { withoutDirectionControls } from '../../contract'

/** An account's name on the checklist: its issuer, else its label, without direction controls (shown inside `<bdi>`). */
export function accountName(account: Readonly<{ issuer: string; label: string }>): string {
  return withoutDirectionControls(account.issuer || account.label).trim() || 'Unnamed account'
}
