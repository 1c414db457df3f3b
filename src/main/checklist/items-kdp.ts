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
import { AMAZON_2SV, AMAZON_2SV_RECOVERY, IRS_W8BEN, KDP_ADD_BANK, KDP_BANK, KDP_TAX_PROFILE, KDP_TAX_STATUS, SELLERGUARD_OWN } from './sources'

const GETTING_PAID = 'KDP → Your Account → Getting Paid'
const TAX_INFORMATION = 'KDP → Your Account → Tax Information'
const DEVICES_UNCONFIRMED = { ...AMAZON_2SV, unconfirmed: 'No Amazon help page SellerGuard checked names a control that makes every device ask for a code again.' }

/** Kindle Direct Publishing: signs in with an Amazon account, pays royalties. */
export const kdpItems: readonly ChecklistItemDefinition[] = [
  authenticatorItem({ where: `${AMAZON_2SV_SETTINGS}: KDP signs in with this Amazon account`, sources: [AMAZON_2SV] }),
  contactDetailsItem({ where: AMAZON_LOGIN_SECURITY, sources: [AMAZON_2SV] }),
  {
    id: 'deposit-method',
    section: 'bank-and-tax',
    title: 'A bank account for royalties is added',
    why: 'Royalties are paid to the bank account set for each marketplace. Knowing what is on file is how you spot a change you did not make.',
    where: GETTING_PAID,
    sources: [KDP_ADD_BANK, KDP_BANK],
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
    sources: [KDP_BANK],
  },
  {
    id: 'tax-interview',
    section: 'bank-and-tax',
    title: 'Tax profile completed',
    why:
      'KDP needs a complete tax profile before you can publish new books or update existing ones, and your answers decide how much tax is withheld from your royalties. ' +
      `${US_TAX_FORMS} When it is done, the tax status shows “Complete”, with the date you submitted it.`,
    where: `${TAX_INFORMATION}: complete or update your tax profile there`,
    sources: [KDP_TAX_STATUS, KDP_TAX_PROFILE],
  },
  {
    id: 'tax-recheck',
    section: 'bank-and-tax',
    title: 'Tax profile re-checked when details change',
    why: `Update your tax profile whenever your name, address, tax ID or country of residence changes: KDP shows “Incomplete” when the information is out of date. ${W8_EXPIRY}`,
    where: TAX_INFORMATION,
    reviewEveryDays: 365,
    sources: [KDP_TAX_STATUS, IRS_W8BEN],
  },
  {
    id: 'own-logins',
    section: 'people-and-devices',
    title: 'Nobody else signs in as you',
    why:
      'Anyone who has your password and codes can change your books and where your royalties go. ' +
      'Send editors, designers and assistants files, not your login.',
    where: 'Nothing to set: a habit.',
    sources: [SELLERGUARD_OWN],
  },
  unknownDevicesItem({ where: `${AMAZON_2SV_SETTINGS}: ${ALL_DEVICES_HINT}`, sources: [DEVICES_UNCONFIRMED] }),
  recoveryPlanItem({ where: AMAZON_2SV_SETTINGS, sources: [AMAZON_2SV, AMAZON_2SV_RECOVERY] }, AMAZON_BACKUP_RULE),
]
