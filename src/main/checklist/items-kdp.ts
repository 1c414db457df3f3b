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

const GETTING_PAID = 'KDP → Your Account → Getting Paid'
const TAX_INFORMATION = 'KDP → Your Account → Tax Information'

/** Kindle Direct Publishing: signs in with an Amazon account, pays royalties. */
export const kdpItems: readonly ChecklistItemDefinition[] = [
  authenticatorItem(`${AMAZON_2SV_SETTINGS} (KDP signs in with this Amazon account)`),
  contactDetailsItem(AMAZON_LOGIN_SECURITY),
  neverShareItem(AMAZON_NEVER_ASKS, 'kdp.amazon.com or Amazon’s own sign-in page'),
  clockItem,
  {
    id: 'deposit-method',
    section: 'bank-and-tax',
    title: 'A bank account for royalties is added',
    why: 'Royalties are paid to the account set for each marketplace. Knowing what is on file is how you spot a change you did not make.',
    where: GETTING_PAID,
  },
  {
    id: 'bank-review',
    section: 'bank-and-tax',
    title: 'Bank details reviewed recently',
    why:
      'Someone who gets into a KDP account can change where your royalties go. ' +
      'Every few months, check that the bank and the last digits are yours for every marketplace. ' +
      'If an email says your bank details changed, check by signing in to KDP yourself, not through a link in the email.',
    where: GETTING_PAID,
    reviewEveryDays: 180,
  },
  {
    id: 'tax-interview',
    section: 'bank-and-tax',
    title: 'Tax interview completed',
    why:
      'KDP must receive and validate your tax information before you can publish new books or update existing ones, and your answers decide how much US tax is withheld from your royalties. ' +
      `${US_TAX_FORMS} When it is done, the tax status shows “Completed”.`,
    where: `${TAX_INFORMATION} → Complete Tax Information (or View/Provide Tax Information to update it)`,
  },
  {
    id: 'tax-recheck',
    section: 'bank-and-tax',
    title: 'Tax information re-checked when details change',
    why: `Retake the tax interview whenever your name, address, tax ID or country of residence changes. ${W8_EXPIRY}`,
    where: `${TAX_INFORMATION} → View/Provide Tax Information`,
    reviewEveryDays: 365,
  },
  {
    id: 'own-logins',
    section: 'people-and-devices',
    title: 'Nobody else signs in as you',
    why:
      'KDP asks that your sign-in details are not shared, and anyone who has your password and codes can change your books and where your royalties go. ' +
      'Send editors, designers and assistants files, not your login.',
    where: 'Nothing to set: a habit. KDP has no separate logins for helpers.',
  },
  unknownDevicesItem(AMAZON_2SV_SETTINGS),
  recoveryPlanItem(AMAZON_2SV_SETTINGS),
  recentBackupItem,
]
