import { collectFields } from './collectFields'
import type { FormScreen } from './fixedFields'
import type { TranslatePattern } from './readFormat'
import { readSite } from './readSite'
import { resolveField } from './resolveField'
import { screenFieldNames } from './screenFieldNames'
import type { FieldSpec, SitePolicies, SiteSchema } from './types'

export interface DeriveFieldsOptions {
  /**
   * Picks, orders and adds fields by binding name (`email`, `profile.zip`, `data.loyalty.points`);
   * subscriptions and consents also by their short form (`subscriptions.newsletter`,
   * `preferences.terms.tos`). Names the schema does not have, or that only the server may write, are
   * skipped with a development warning. Used by `register`, `lite-progression` and `lite`;
   * `complete-registration` shows only what is `missing`, and the screens of one call (`login`,
   * `forgot-password`, `reset-password`, `password-change-required`, `email-code-verification`) always
   * ask for that call's parameters. On `register` and `lite-progression`, the security question and the
   * captcha the registration policy requires are added when not listed.
   */
  fields?: readonly string[]
  /**
   * Fields a server answer named that the screen's own list lacks (the `fieldName`s of its
   * `validationErrors`), shown after that list so the user can act on every message. The security
   * question and answer come as a pair. The screens of one call take only `captcha` (the site asks
   * for one after failed logins): the call has no parameter for any other field.
   */
  extra?: readonly string[]
  /**
   * - `register` (default): the login identifier(s) of `accountOptions.loginIdentifiers`, password and
   *   its retype, every client-writable required profile/data field, required consents, the security
   *   question and the captcha when the registration policy requires them (last, after `extra`).
   * - `complete-registration`: only the fields named in `missing`, each required.
   * - `login`: `loginID` and the current password (and the captcha, when `extra` names it).
   * - `lite`: `profile.email`, the subscriptions (all, or those in `subscriptions`) and required consents.
   * - `lite-progression`: what `register` shows; a lite account becomes a full one by registering.
   * - `forgot-password`: `loginID`, as on `login`.
   * - `forgot-password-security`: forgot-password once the account's security question is asked
   *   (400050): `loginID`, `secretAnswer`, `newPassword` (held to the password policy) and its retype.
   * - `reset-password`: `newPassword` (held to the password policy) and its retype.
   * - `password-change-required`: the current `password`, `newPassword` and the retype of the new one.
   * - `email-code-verification`: the emailed `code`.
   */
  screen?: FormScreen
  /** The fields the server reported missing (206001), e.g. `profile.zip`, `data.terms`, `preferences.terms.tos`. */
  missing?: readonly string[]
  /** Lite: which subscription ids, in this order (default: all, in schema order). */
  subscriptions?: readonly string[]
}

/**
 * `deriveFields` with the pattern translator passed in: the screen-sets load it on demand (see
 * `patternSupport.ts`), so their pages do not carry it; `deriveFields` passes the one it imports.
 */
export function deriveFieldsWith(
  schema: SiteSchema | null | undefined,
  policies: SitePolicies | undefined,
  options: DeriveFieldsOptions,
  translate: TranslatePattern,
): FieldSpec[] {
  const site = readSite(schema, policies, options.screen ?? 'register', translate)
  const specs = collectFields(screenFieldNames(site, options), (name) => resolveField(name, site))
  return site.screen === 'complete-registration' ? specs.map(asMissing) : specs
}

/** The server reported the field as missing, so it is needed whatever the schema says; a consent is needed granted. */
function asMissing(spec: FieldSpec): FieldSpec {
  return { ...spec, required: true, mustBeTrue: spec.mustBeTrue || spec.section === 'preferences' }
}
