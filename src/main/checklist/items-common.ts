import type { ChecklistItemDefinition } from './item'

/**
 * Items whose words hold for every kind of account, with the place to look
 * passed in. The texts are read by sellers: keep them plain, calm and
 * accurate, and name menus the way Amazon's own help pages do.
 */

/** Where KDP and Associates sign-in settings live: both use an ordinary Amazon account. */
export const AMAZON_LOGIN_SECURITY = 'Your Amazon account → Login & security'
export const AMAZON_2SV_SETTINGS = `${AMAZON_LOGIN_SECURITY} → Two-Step Verification (2SV) Settings`

export function authenticatorItem(where: string): ChecklistItemDefinition {
  return {
    id: 'authenticator-app',
    section: 'sign-in',
    title: 'Two-step verification uses an authenticator app',
    why:
      'With two-step verification a stolen password is not enough: every new sign-in also needs a code. ' +
      'Codes from an authenticator app are made on your own device, so they cannot be redirected the way a text message can after a SIM swap. ' +
      'SellerGuard can see that it holds this account’s key; check that the app is still listed in the account’s settings too.',
    where,
    evidence: 'authenticator-in-vault',
  }
}

/** `sender`: who sends alerts there ("Amazon sends", "Most sites send"). */
export function contactDetailsItem(where: string, sender = 'Amazon sends'): ChecklistItemDefinition {
  return {
    id: 'contact-details',
    section: 'sign-in',
    title: 'Phone number and email are yours and verified',
    why:
      `${sender} security alerts, and backup sign-in codes, to these. ` +
      'A number you gave up can be passed to someone else by the phone company, and a mailbox you no longer read hides the warning that your account was changed.',
    where,
    reviewEveryDays: 365,
  }
}

/** `site`: the sign-in page to check for ("the Seller Central sign-in page"). */
export function neverShareItem(asker: string, site: string): ChecklistItemDefinition {
  return {
    id: 'never-share-codes',
    section: 'sign-in',
    title: 'Never give anyone a sign-in code',
    why:
      `${asker} Anyone who asks for a code — by phone, email, text or chat, whoever they say they are — is trying to sign in as you. ` +
      'Type a code only into a sign-in page you opened yourself.',
    where: `Nowhere to change: it is a habit. Before typing a code, check that the address bar shows ${site}.`,
  }
}

export const AMAZON_NEVER_ASKS = 'Amazon will never ask you for a two-step verification code.'

export const clockItem: ChecklistItemDefinition = {
  id: 'clock-in-sync',
  section: 'sign-in',
  title: 'This computer’s clock is right',
  why:
    'Codes are made from the time. If this computer’s clock is off by more than a few seconds, a correct-looking code can be rejected just when you need to sign in. ' +
    'SellerGuard checks the clock against internet time servers.',
  where: 'SellerGuard → Clock',
  evidence: 'clock-in-sync',
}

export function unknownDevicesItem(where: string): ChecklistItemDefinition {
  return {
    id: 'unknown-devices',
    section: 'people-and-devices',
    title: 'Unknown devices are signed out',
    why:
      'A browser where someone ticked the box to skip codes next time can sign in with the password alone. ' +
      'Every few months, make all devices ask for a code again. If you see anything you do not recognise, change your password as well.',
    where,
    reviewEveryDays: 90,
  }
}

export function recoveryPlanItem(where: string): ChecklistItemDefinition {
  return {
    id: 'recovery-plan',
    section: 'recovery',
    title: 'You have a backup way to sign in',
    why:
      'Amazon asks for a backup method — usually a phone number — when you turn on two-step verification. Make sure it still reaches you. ' +
      'Then decide what you would do if this computer were lost: where your encrypted SellerGuard backup is, and where its passphrase is kept (not in the same place).',
    where,
  }
}

/** How old the newest SellerGuard backup may be before the item is due again, days. */
export const BACKUP_MAX_AGE_DAYS = 90

export const recentBackupItem: ChecklistItemDefinition = {
  id: 'recent-backup',
  section: 'recovery',
  title: `An encrypted SellerGuard backup from the last ${BACKUP_MAX_AGE_DAYS} days`,
  why:
    'If this computer breaks or is stolen, the backup brings back every authenticator key, so you are not locked out of your accounts. ' +
    'Keep it somewhere other than this computer, and its passphrase somewhere else again.',
  where: 'SellerGuard → Settings → Backup',
  evidence: 'recent-backup',
  reviewEveryDays: BACKUP_MAX_AGE_DAYS,
}

/** A W-8 form's validity (IRS: through the end of the third calendar year after signing), said the same way everywhere. */
export const W8_EXPIRY =
  'A W-8 form also runs out: it is valid until the end of the third calendar year after the year you signed it, so look at least once a year.'

export const US_TAX_FORMS = 'US citizens, US residents and US businesses give a Form W-9; everyone else gives a W-8BEN (individuals) or W-8BEN-E (businesses).'
