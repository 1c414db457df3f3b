import { apiError, namesProblem, type ApiError, type NewAccount } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { guessKind, parseAccountText } from '../otp/key-input'
import type { NewAccountItem } from './add-accounts'

/**
 * What the add-account form sent, as an account to add: the pasted key or
 * link parsed, the typed names over the link's, a kind guessed from the
 * issuer when none was picked. An account needs a name.
 */
export function newAccountFrom(input: NewAccount): Result<NewAccountItem, ApiError> {
  const parsed = parseAccountText(input.text)
  if (!parsed.ok) {
    const { message, position } = parsed.error
    return err(apiError('invalid-input', message, { field: 'text', ...(position !== null ? { position } : {}) }))
  }
  const { account, key } = parsed.value
  const issuer = input.issuer ?? account.issuer
  const label = input.label ?? account.label
  const nameless = namesProblem({ issuer, label })
  if (nameless) return err(nameless)
  return ok({ draft: { ...account, issuer, label, kind: input.kind ?? guessKind(issuer, label), region: input.region ?? null, group: input.group ?? '' }, key })
}
