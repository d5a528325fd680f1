import type { GetAccountInfoResponse } from '../accounts'
import type { ProfileState } from '../flows/profileMachine'
import type { Translator } from '../i18n'
import type { FieldSpec, SiteSchema } from '../schema'
import { consentPath, consentVersion, isPendingConfirmation, needsReview, subscriptionId } from './profileValues'

/**
 * What the account says about a subscription or a consent, in its label, so a screen reader reads it
 * with the checkbox: a subscription that waits for its emailed confirmation; the consent's version.
 */
export function withAccountState(
  fields: readonly FieldSpec[],
  account: GetAccountInfoResponse | null | undefined,
  schema: SiteSchema | undefined,
  t: Translator,
): FieldSpec[] {
  return fields.map((field) => {
    if (field.section === 'subscriptions' && account && isPendingConfirmation(account, subscriptionId(field.name)))
      return { ...field, label: `${field.label} (${t('subscription_pending_confirmation')})` }
    if (field.section === 'preferences') {
      const date = consentVersion(schema, consentPath(field.name), t.lang)
      if (date !== undefined) return { ...field, label: `${field.label} (${t('consent_version', { date })})` }
    }
    return field
  })
}

/** The current login email: the one the account logs in with, else the profile's. */
export function currentEmail(account: GetAccountInfoResponse | null | undefined): string | undefined {
  return account?.loginIDs?.emails[0] ?? account?.profile?.email
}

/** The text under a screen's heading. */
export function screenDescription(
  state: ProfileState,
  fields: readonly FieldSpec[],
  account: GetAccountInfoResponse | null | undefined,
  schema: SiteSchema | undefined,
  t: Translator,
): string {
  switch (state.screen) {
    case 'communication':
      return t('communication_description')
    case 'privacy': {
      const consents = fields.filter((field) => field.section === 'preferences')
      const review = account && consents.some((field) => needsReview(account, schema, consentPath(field.name)))
      return [
        t('privacy_description'),
        ...(consents.some((field) => field.mustBeTrue) ? [t('consent_required_note')] : []),
        ...(review ? [t('consent_needs_review')] : []),
      ].join(' ')
    }
    case 'change-email': {
      if (state.code) return t('change_email_code_description', { email: state.code.email })
      const email = currentEmail(account)
      return [t('change_email_description'), ...(email ? [t('change_email_current', { email })] : [])].join(' ')
    }
    default:
      return ''
  }
}
