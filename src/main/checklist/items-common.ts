import type { ItemSource } from '../../shared/contract'
import type { ChecklistItemDefinition } from './item'
import { AMAZON_DELIVERY_OTP, AMAZON_SCAMS, AMAZON_UK_MESSAGE, RFC_6238, SELLERGUARD_OWN } from './sources'

/**
 * Items whose words hold for every kind of account, with the place to look
 * and the pages that back it passed in. The texts are read by sellers: keep
 * them plain, calm and accurate, name menus the way Amazon's own help pages
 * do, and claim only what a source says (`sources.ts`).
 */

/** Where KDP and Associates sign-in settings live: both use an ordinary Amazon account. */
export const AMAZON_LOGIN_SECURITY = 'Your Amazon account → Login & security'
/** Amazon's newer help says "Two-Step Verification (2SV) Settings"; older pages call the same page "Advanced Security Settings". */
export const AMAZON_2SV_SETTINGS = `${AMAZON_LOGIN_SECURITY} → Two-Step Verification (2SV) Settings (older help pages call it Advanced Security Settings)`

/** What to look for where no page names the control (Amazon's help does not name a "sign out every device" setting). */
export const ALL_DEVICES_HINT =
  'look for the option that makes every device ask for a code at its next sign-in. Amazon’s help pages do not name it, so its label may differ, or your account may not show it'

type Placed = Readonly<{ where: string; sources: readonly ItemSource[]; byRegion?: ChecklistItemDefinition['byRegion'] }>

const placed = (p: Placed) => ({ where: p.where, sources: [...p.sources], ...(p.byRegion ? { byRegion: p.byRegion } : {}) })

export function authenticatorItem(p: Placed): ChecklistItemDefinition {
  return {
    id: 'authenticator-app',
    section: 'sign-in',
    title: 'Two-step verification uses an authenticator app',
    why:
      'With two-step verification a stolen password is not enough: every new sign-in also needs a code. ' +
      'Codes from an authenticator app are made on your own device, so they cannot be redirected the way a text message can after a SIM swap. ' +
      'SellerGuard marks this checked only after you confirm that the site accepted a code from this key, and asks again from time to time; check that the app is still listed in the account’s settings too.',
    ...placed(p),
    evidence: 'authenticator-in-vault',
    // How long a confirmation that the site accepted a code counts before SellerGuard asks again.
    reviewEveryDays: 180,
  }
}

/** `sender`: who sends alerts there ("Amazon sends", "Most sites send"). */
export function contactDetailsItem(p: Placed, sender = 'Amazon sends'): ChecklistItemDefinition {
  return {
    id: 'contact-details',
    section: 'sign-in',
    title: 'Phone number and email are yours and verified',
    why:
      `${sender} security alerts, and backup sign-in codes, to these. ` +
      'A number you gave up can be passed to someone else by the phone company, and a mailbox you no longer read hides the warning that your account was changed.',
    ...placed(p),
    reviewEveryDays: 365,
  }
}

export function unknownDevicesItem(p: Placed): ChecklistItemDefinition {
  return {
    id: 'unknown-devices',
    section: 'people-and-devices',
    title: 'Unknown devices are signed out',
    why:
      'A browser where someone ticked the box to skip codes next time can sign in with the password alone. ' +
      'Every few months, make all devices ask for a code again. If you see anything you do not recognise, change your password as well.',
    ...placed(p),
    reviewEveryDays: 90,
  }
}

/** `backupRule`: what the site requires as a backup sign-in method, as its help says it. */
export function recoveryPlanItem(p: Placed, backupRule: string): ChecklistItemDefinition {
  return {
    id: 'recovery-plan',
    section: 'recovery',
    title: 'You have a backup way to sign in',
    why:
      `${backupRule} Make sure it still reaches you. ` +
      'Then decide what you would do if this computer were lost: where your encrypted SellerGuard backup is, and where its password is kept (not in the same place).',
    ...placed(p),
  }
}

/** Amazon's rule (Seller Central's "About Two-Step Verification", the customer help): an authenticator app cannot be the only method. */
export const AMAZON_BACKUP_RULE =
  'When you use an authenticator app, Amazon requires a phone number as the other method (primary or backup): an app cannot be both.'

/** A W-8 form's validity (IRS: through the end of the third calendar year after signing), said the same way everywhere. */
export const W8_EXPIRY =
  'A W-8 form also runs out: it is valid until the end of the third calendar year after the year you signed it, so look at least once a year.'

export const US_TAX_FORMS = 'US citizens, US residents and US businesses give a Form W-9; everyone else gives a W-8BEN (individuals) or W-8BEN-E (businesses).'

// ---- Items about this computer: shown once, in "This computer", not per account.

export const clockItem: ChecklistItemDefinition = {
  id: 'clock-in-sync',
  section: 'sign-in',
  title: 'This computer’s clock is right',
  why:
    'Codes are made from the time. If this computer’s clock is off by more than a few seconds, a correct-looking code can be rejected just when you need to sign in. ' +
    'SellerGuard checks the clock against internet time servers.',
  where: 'SellerGuard → Clock',
  evidence: 'clock-in-sync',
  sources: [RFC_6238],
}

export const neverShareItem: ChecklistItemDefinition = {
  id: 'never-share-codes',
  section: 'sign-in',
  title: 'Never give anyone a sign-in code',
  why:
    'Amazon says it will never ask you to share your sign-in one-time password over the phone, and no real support team needs one. ' +
    'Someone who asks for a sign-in code — by phone, email, text or chat — may be trying to sign in as you. ' +
    'A delivery code is different: an Amazon driver asks for that one at the door. Type a sign-in code only into a sign-in page you opened yourself.',
  where: 'Nowhere to change: it is a habit. Before typing a code, check that the address bar shows the site you meant to open.',
  sources: [AMAZON_UK_MESSAGE, AMAZON_SCAMS, AMAZON_DELIVERY_OTP],
}

/** How old the newest SellerGuard backup may be before the item is due again, days. */
export const BACKUP_MAX_AGE_DAYS = 90

export const recentBackupItem: ChecklistItemDefinition = {
  id: 'recent-backup',
  section: 'recovery',
  title: `An encrypted SellerGuard backup from the last ${BACKUP_MAX_AGE_DAYS} days holds every account`,
  why:
    'If this computer breaks or is stolen, the backup brings back every authenticator key, so you are not locked out of your accounts. ' +
    'An account added after the newest backup is not in it. Keep the backup somewhere other than this computer, and its password somewhere else again.',
  where: 'SellerGuard → Settings → Backup',
  evidence: 'recent-backup',
  reviewEveryDays: BACKUP_MAX_AGE_DAYS,
  sources: [SELLERGUARD_OWN],
}
