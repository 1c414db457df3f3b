import type { ChecklistItemDefinition } from './item'
import { authenticatorItem, contactDetailsItem, unknownDevicesItem } from './items-common'
import { SELLERGUARD_OWN } from './sources'

/** General advice for any other site: nothing here is any one site's rule, and the source says so. */
const own = (where: string) => ({ where, sources: [SELLERGUARD_OWN] })

/** Any other site: the same ideas, with places described rather than named. */
export const otherItems: readonly ChecklistItemDefinition[] = [
  authenticatorItem(own('The site’s security settings (often called Security, Login & security, or Two-factor authentication)')),
  contactDetailsItem(own('The site’s account or profile settings'), 'Most sites send'),
  {
    id: 'deposit-method',
    section: 'bank-and-tax',
    title: 'Payout details are correct',
    why: 'If this site pays you, know which bank account is on file, so you can spot a change you did not make.',
    ...own('The site’s payment or payout settings'),
  },
  {
    id: 'bank-review',
    section: 'bank-and-tax',
    title: 'Payout details reviewed recently',
    why: 'Someone who gets into an account that pays you may change where the money goes. Every few months, check the bank and the last digits are yours.',
    ...own('The site’s payment or payout settings'),
    reviewEveryDays: 180,
  },
  {
    id: 'tax-interview',
    section: 'bank-and-tax',
    title: 'Tax details are complete',
    why: 'Sites that pay you usually need tax details first, and may hold or withhold payments until they have them. Skip this if the site never pays you.',
    ...own('The site’s tax settings'),
  },
  {
    id: 'own-logins',
    section: 'people-and-devices',
    title: 'Helpers have their own logins',
    why: 'If the site lets you add users, give each person their own login with only the access they need, rather than sharing yours and its codes.',
    ...own('The site’s team, users or permissions settings, if it has them'),
    reviewEveryDays: 180,
  },
  unknownDevicesItem(own('The site’s security settings (signed-in devices or sessions)')),
  {
    id: 'backup-codes',
    section: 'recovery',
    title: 'Backup codes are saved somewhere safe',
    why:
      'Many sites give one-time backup codes when you turn on two-step verification. ' +
      'Keep them on paper or in a password manager — not only on this computer — so a lost device does not lock you out.',
    ...own('The site’s two-factor settings (backup or recovery codes)'),
  },
]
