import type { GetPoliciesResponse, GetSchemaResponse } from '../accounts/types'

/**
 * How a field is rendered; decides the input element and how its value is checked and converted.
 * `captcha` is a challenge the `Captcha` part renders, not an input of the form.
 */
export type FieldKind =
  'text' | 'textarea' | 'number' | 'checkbox' | 'date' | 'select' | 'password' | 'email' | 'captcha'

export interface FieldOption {
  value: string
  /** English default label, used when the catalog has no entry for `labelKey`. */
  label: string
  /** Message id of the label (`gender_female`), when it has one. */
  labelKey?: string
}

/** Everything the form needs to render, validate and submit one field, derived from schema and policies. */
export interface FieldSpec {
  /**
   * Binding path and input name: `email` | `username` | `loginID` | `password` | `passwordRetype` |
   * `profile.zip` | `data.loyalty.points` | `subscriptions.newsletter.email.isSubscribed` |
   * `preferences.terms.tos.isConsentGranted` | `secretQuestion` | `secretAnswer` | `captcha`.
   * react-hook-form nests the value by its dots, and the server names the field the same way in
   * `validationErrors`, so one string ties input, value and server error together.
   */
  name: string
  /**
   * Where the value goes in the API call. A `captcha` field has no value of the form: its solution
   * (`captchaToken` with `captchaType` or `captchaText`) is added to the call when the form is sent.
   */
  section: 'loginID' | 'password' | 'profile' | 'data' | 'subscriptions' | 'preferences' | 'security' | 'captcha'
  kind: FieldKind
  /**
   * The schema type (`string`, `basic-string`, `text`, `long`, `integer`, `float`, `boolean`, `date`,
   * `subscription`, `consent`, or an unknown type as given); `string` for fields outside the schema.
   */
  schemaType: string
  /** English default label, used when the catalog has no entry for `labelKey`. */
  label: string
  /** Message id of the label: the binding path without its `.email.isSubscribed` / `.isConsentGranted` suffix. */
  labelKey: string
  /**
   * A second message id, for what the field is whatever the site named it (`terms_of_service` for a
   * consent whose id is `tos`): used when no message is keyed by `labelKey`.
   */
  genericLabelKey?: string
  required: boolean
  /** A checkbox that must be checked: format `"true"`, or a required consent. */
  mustBeTrue: boolean
  /** The schema's pattern as a JavaScript RegExp; absent when there is none or it cannot be translated. */
  pattern?: RegExp
  /** The schema's original (.NET) pattern, to show the expected format in messages. */
  format?: string
  /**
   * Values longer than this are not tested against `pattern` (the server judges them): the pattern
   * could backtrack for too long on them. Absent when the pattern runs in linear time.
   */
  patternMaxLength?: number
  autoComplete?: string
  inputMode?: 'numeric' | 'decimal' | 'email' | 'text' | 'tel'
  /** For `number`: whole numbers only (`long`, `integer`). */
  integer?: boolean
  options?: FieldOption[]
  /** The subscription's description or the consent's text. */
  description?: string
  writeAccess?: 'clientCreate' | 'clientModify'
}

/** The parts of `accounts.getSchema` that shape the form. */
export type SiteSchema = Pick<
  GetSchemaResponse,
  'profileSchema' | 'dataSchema' | 'subscriptionsSchema' | 'preferencesSchema'
>

/** The parts of `accounts.getPolicies` that shape the form. */
export type SitePolicies = Pick<GetPoliciesResponse, 'registration' | 'passwordComplexity' | 'accountOptions'>
