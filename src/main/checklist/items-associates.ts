import type { ChecklistItemDefinition } from './item'
import {
  AMAZON_2SV_SETTINGS,
  AMAZON_LOGIN_SECURITY,
  AMAZON_NEVER_ASKS,
  US_TAX_FORMS,
  W8_EXPIRY,
  authenticatorItem,
  clockItem,
  contactDetailsItem,
  neverShareItem,
  recentBackupItem,
  recoveryPlanItem,
  unknownDevicesItem,
} from './items-common'

const ACCOUNT_SETTINGS = 'Associates Central → your email (top right) → Account Settings'

/** Amazon Associates (affiliate programme): signs in with an Amazon account, pays commissions. */
export const associatesItems: readonly ChecklistItemDefinition[] = [
  authenticatorItem(`${AMAZON_2SV_SETTINGS} (Associates Central signs in with this Amazon account)`),
  contactDetailsItem(AMAZON_LOGIN_SECURITY),
  neverShareItem(AMAZON_NEVER_ASKS, 'the Associates Central site you meant to open'),
  clockItem,
  {
    id: 'deposit-method',
    section: 'bank-and-tax',
    title: 'Payment method is set up',
    why: 'Commissions are paid by the method on file. Only the Full Access user can change it; knowing what it is lets you spot a change you did not make.',
    where: `${ACCOUNT_SETTINGS} → Payment Information`,
  },
  {
    id: 'bank-review',
    section: 'bank-and-tax',
    title: 'Payment details reviewed recently',
    why:
      'Someone who gets into the account can change where commissions go. Every few months, check that the bank and the last digits are yours. ' +
      'If an email says your payment details changed, check by signing in yourself, not through a link in the email.',
    where: `${ACCOUNT_SETTINGS} → Payment Information`,
    reviewEveryDays: 180,
  },
  {
    id: 'tax-interview',
    section: 'bank-and-tax',
    title: 'Tax interview completed',
    why: `Amazon pays commissions only once your tax status is complete. ${US_TAX_FORMS}`,
    where: `${ACCOUNT_SETTINGS} → View/Provide Tax Information`,
  },
  {
    id: 'tax-recheck',
    section: 'bank-and-tax',
    title: 'Tax information re-checked when details change',
    why: `Retake the tax interview whenever your name, address, tax ID or country of residence changes. ${W8_EXPIRY}`,
    where: `${ACCOUNT_SETTINGS} → View/Provide Tax Information`,
    reviewEveryDays: 365,
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
  },
  unknownDevicesItem(AMAZON_2SV_SETTINGS),
  recoveryPlanItem(AMAZON_2SV_SETTINGS),
  recentBackupItem,
]
