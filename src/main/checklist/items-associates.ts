import type { ChecklistItemDefinition } from './item'
import {
  ALL_DEVICES_HINT,
  AMAZON_2SV_SETTINGS,
  AMAZON_BACKUP_RULE,
  AMAZON_LOGIN_SECURITY,
  US_TAX_FORMS,
  W8_EXPIRY,
  authenticatorItem,
  contactDetailsItem,
  recoveryPlanItem,
  unknownDevicesItem,
} from './items-common'
import { AMAZON_2SV, AMAZON_2SV_RECOVERY, ASSOCIATES_ACCOUNT, ASSOCIATES_PAYMENT_CHANGE, ASSOCIATES_TAX, IRS_W8BEN } from './sources'

const ACCOUNT_SETTINGS = 'Associates Central → your email (top right) → Account Settings'
const PAYMENT = `${ACCOUNT_SETTINGS} → Payment and Tax Information → Change Payment Method`
const DEVICES_UNCONFIRMED = { ...AMAZON_2SV, unconfirmed: 'No Amazon help page SellerGuard checked names a control that makes every device ask for a code again.' }

/** Amazon Associates (affiliate programme): signs in with an Amazon account, pays commissions. */
export const associatesItems: readonly ChecklistItemDefinition[] = [
  authenticatorItem({ where: `${AMAZON_2SV_SETTINGS}: Associates Central signs in with this Amazon account`, sources: [AMAZON_2SV] }),
  contactDetailsItem({ where: AMAZON_LOGIN_SECURITY, sources: [AMAZON_2SV] }),
  {
    id: 'deposit-method',
    section: 'bank-and-tax',
    title: 'Payment method is set up',
    why:
      'Commissions are paid by the method on file, and a change applies from the next month’s payment. ' +
      'Only the Full Access user can change it; knowing what it is lets you spot a change you did not make.',
    where: PAYMENT,
    sources: [ASSOCIATES_ACCOUNT, ASSOCIATES_PAYMENT_CHANGE],
  },
  {
    id: 'bank-review',
    section: 'bank-and-tax',
    title: 'Payment details reviewed recently',
    why:
      'Someone who gets into the account can change where commissions go. Every few months, check that the bank and the last digits are yours. ' +
      'If an email says your payment details changed, check by signing in yourself, not through a link in the email.',
    where: PAYMENT,
    reviewEveryDays: 180,
    sources: [ASSOCIATES_ACCOUNT],
  },
  {
    id: 'tax-interview',
    section: 'bank-and-tax',
    title: 'Tax interview completed',
    why: `Amazon pays commissions only once the tax interview is complete and validated. ${US_TAX_FORMS}`,
    where: `${ACCOUNT_SETTINGS} → View/Provide Tax Information`,
    sources: [ASSOCIATES_TAX],
  },
  {
    id: 'tax-recheck',
    section: 'bank-and-tax',
    title: 'Tax information re-checked when details change',
    why: `Retake the tax interview whenever your name, address, tax ID or country of residence changes. ${W8_EXPIRY}`,
    where: `${ACCOUNT_SETTINGS} → View/Provide Tax Information`,
    reviewEveryDays: 365,
    sources: [ASSOCIATES_TAX, IRS_W8BEN],
  },
  {
    id: 'own-logins',
    section: 'people-and-devices',
    title: 'Helpers have their own logins',
    why:
      'Add people as account users instead of sharing your login: Reports Access and Basic Access users cannot see or change payment details. ' +
      'Give each person the least access that works, and every few months remove anyone who no longer needs it.',
    where: `${ACCOUNT_SETTINGS} → Manage Account Users`,
    reviewEveryDays: 180,
    sources: [ASSOCIATES_ACCOUNT],
  },
  unknownDevicesItem({ where: `${AMAZON_2SV_SETTINGS}: ${ALL_DEVICES_HINT}`, sources: [DEVICES_UNCONFIRMED] }),
  recoveryPlanItem({ where: AMAZON_2SV_SETTINGS, sources: [AMAZON_2SV, AMAZON_2SV_RECOVERY] }, AMAZON_BACKUP_RULE),
]
