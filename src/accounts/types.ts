/**
 * Wire types of the SAP Customer Data Cloud (Gigya) Accounts API calls that react-screensets makes.
 * Parameter names are the API's own; the doc comments describe them in our words.
 */

/** A JSON value as the API sends and receives it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** A JSON object (the shape of `profile`, `data`, `subscriptions`, `preferences`). */
export interface JsonObject {
  [key: string]: JsonValue | undefined
}

/** The data centers SAP documents; any other host name (a new region) is accepted as a string too. */
export type DataCenter =
  | 'us1.gigya.com'
  | 'eu1.gigya.com'
  | 'eu2.gigya.com'
  | 'au1.gigya.com'
  | 'ru1.gigya.com'
  | 'cn1.sapcdm.cn'
  | 'global.gigya.com'

/** The Accounts API methods with a typed wrapper in the client. */
export type AccountsMethod =
  | 'accounts.initRegistration'
  | 'accounts.register'
  | 'accounts.finalizeRegistration'
  | 'accounts.setAccountInfo'
  | 'accounts.getSchema'
  | 'accounts.getPolicies'
  | 'accounts.login'
  | 'accounts.isAvailableLoginID'
  | 'accounts.resendVerificationCode'
  | 'accounts.getCaptcha'
  | 'accounts.resetPassword'
  | 'accounts.otp.sendCode'
  | 'accounts.otp.update'
  | 'accounts.initProgression'
  | 'accounts.getAccountInfo'
  | 'accounts.logout'
  | 'accounts.tfa.getProviders'
  | 'accounts.tfa.initTFA'
  | 'accounts.tfa.finalizeTFA'
  | 'accounts.tfa.email.getEmails'
  | 'accounts.tfa.email.sendVerificationCode'
  | 'accounts.tfa.email.completeVerification'
  | 'accounts.tfa.totp.register'
  | 'accounts.tfa.totp.verify'

/** Parameters every call understands. */
export interface CommonParams {
  /**
   * Language of the server's messages (and, on register, the account's locale), e.g. `en`, `de`,
   * `zh-cn`. Defaults to the client's `lang` option.
   */
  lang?: string
  /** Any string; the server hands it back untouched in the response's `context`. */
  context?: string
}

/** What `include` may ask the account calls to return besides the session. */
export type AccountInclude =
  | 'identities-active'
  | 'identities-all'
  | 'identities-global'
  | 'loginIDs'
  | 'emails'
  | 'profile'
  | 'data'
  | 'subscriptions'
  | 'preferences'
  | 'missing-required-fields'
  | 'irank'
  | 'groups'
  | 'id_token'

/** A comma list, as the API takes it, or an array that the client joins with commas. */
export type CommaList<T extends string> = T | (string & {}) | readonly T[]

/** Where the session of a successful call will be used; it decides the shape of `sessionInfo`. */
export type TargetEnv = 'browser' | 'mobile' | 'both' | 'jssdk'

/** How a registration that collides with an existing identity is handled. */
export type ConflictHandling = 'fail' | 'saveProfileAndFail'

/** Profile fields the schema reserves; sites may add their own, so any other key is allowed. */
export interface AccountProfile extends JsonObject {
  email?: string
  firstName?: string
  lastName?: string
  nickname?: string
  birthDay?: number
  birthMonth?: number
  birthYear?: number
  gender?: 'f' | 'm' | 'u'
  age?: number
  address?: string
  city?: string
  state?: string
  zip?: string
  country?: string
  locale?: string
  languages?: string
  photoURL?: string
  bio?: string
}

/** One subscription as written by the client, bound at `subscriptions.<id>.email`. */
export interface SubscriptionInput {
  email: {
    isSubscribed: boolean
    /** Free-form labels stored with the subscription (campaign, source page). */
    tags?: string[]
  }
}

/** Subscriptions keyed by their schema id, e.g. `{ newsletter: { email: { isSubscribed: true } } }`. */
export interface SubscriptionsInput {
  [subscriptionId: string]: SubscriptionInput | undefined
}

/**
 * Consents keyed by their schema path. `terms.tos` nests as `{ terms: { tos: { isConsentGranted } } }`;
 * the leaf object holds `isConsentGranted` and optionally `lang`, `tags`, `entitlements`.
 */
export type PreferencesInput = JsonObject

// ---------------------------------------------------------------------------------------------------
// Parameters of each call

export interface InitRegistrationParams extends CommonParams {
  /**
   * Ask for a token of the lite (newsletter-only) flow. Lite tokens contain `_LTE_` and only
   * `accounts.setAccountInfo` accepts them.
   */
  isLite?: boolean
}

export interface RegisterParams extends CommonParams {
  /** The token from `initRegistration` (or from a `login` that found the account pending). Required. */
  regToken: string
  /** The login identifier when the site identifies users by email. */
  email?: string
  /** The login identifier when the site identifies users by user name. */
  username?: string
  /** The new password; the site's `passwordComplexity` policy judges it. Sent in the body only. */
  password: string
  /** Profile fields (`firstName`, `zip`, ...), sent as a JSON string. */
  profile?: AccountProfile
  /** Site-defined data fields, sent as a JSON string. */
  data?: JsonObject
  /** Newsletter subscriptions, sent as a JSON string. */
  subscriptions?: SubscriptionsInput
  /** Consents (terms, privacy), sent as a JSON string. */
  preferences?: PreferencesInput
  /**
   * Finish the registration in this call when nothing is missing, instead of calling
   * `finalizeRegistration` afterwards. The API's default is false; screen-sets send true.
   */
  finalizeRegistration?: boolean
  /** The response token of a CAPTCHA challenge, when the site's policy requires one. */
  captchaToken?: string
  /** The text the user read from a classic image CAPTCHA. */
  captchaText?: string
  /** Which CAPTCHA provider produced `captchaToken` (e.g. `reCaptchaV2`, `reCaptchaEnterpriseScore`). */
  captchaType?: string
  /** The security question the user picked, when the site's policy asks for one. */
  secretQuestion?: string
  /** The answer to `secretQuestion`. Secret: treated like a password. */
  secretAnswer?: string
  /** Where the returned session is for: `browser` (a cookie) by default, or `mobile` (token + secret). */
  targetEnv?: TargetEnv
  /**
   * Which parts of the account to return. The API defaults to `profile`; screen-sets ask for
   * `profile,data,emails,loginIDs,subscriptions,preferences`.
   */
  include?: CommaList<AccountInclude>
  /**
   * Lifetime of the new session in seconds: 0 ends with the browser session, -1 ends it at once,
   * -2 keeps the token valid only while the user is active; omitted means the site default.
   */
  sessionExpiration?: number
  /** The site's own id for the user, at most 252 ASCII characters. */
  siteUID?: string
  /** Where the registration came from; the API stores the current page URL when omitted. */
  regSource?: string
  /** What to do when the identity collides with another account's. */
  conflictHandling?: ConflictHandling
}

export interface FinalizeRegistrationParams extends CommonParams {
  /** The token of the pending registration. Required. */
  regToken: string
  /** Which parts of the account to return. */
  include?: CommaList<AccountInclude>
  /** Link the new account to an existing one that shares its identity, when the site allows it. */
  allowAccountsLinking?: boolean
  /** Where the returned session is for. */
  targetEnv?: TargetEnv
}

interface SetAccountInfoFields extends CommonParams {
  /** Profile fields to write. With a lite token, `profile.email` is mandatory. */
  profile?: AccountProfile
  /** Data fields to write. */
  data?: JsonObject
  /** Subscriptions to write. */
  subscriptions?: SubscriptionsInput
  /** Consents to write. */
  preferences?: PreferencesInput
  /** A new user name for the account. */
  username?: string
  /** A security question. */
  secretQuestion?: string
  /** The answer to `secretQuestion`. Secret: treated like a password. */
  secretAnswer?: string
  /** What to do when a written identity collides with another account's. */
  conflictHandling?: ConflictHandling
  /** Records the account's locale; unlike `lang` elsewhere it is written to the account. */
  lang?: string
  /** The current password, to change it (403100, FLOWS.md §4); sent with `newPassword`. Body only. */
  password?: string
  /** The password that replaces `password`; held to the policy and the password history. Body only. */
  newPassword?: string
  /** Server only: make the user change the password at the next login (403100). */
  requirePasswordChange?: boolean
}

/**
 * The token of a pending (or lite) registration, the signed-in user's session, or the `UID` of an
 * account. From a browser, the token and session forms are client calls (the client adds the session
 * it keeps); the `UID` form needs the site's server credentials.
 */
export type SetAccountInfoParams =
  | (SetAccountInfoFields & { regToken: string; UID?: never; login_token?: never })
  | (SetAccountInfoFields & SessionParams & { regToken?: never; UID?: never })
  | (SetAccountInfoFields & { UID: string; regToken?: never; login_token?: never })

/** The schema sections `getSchema` can return. */
export type SchemaSection = 'profileSchema' | 'dataSchema' | 'subscriptionsSchema' | 'preferencesSchema'

export interface GetSchemaParams extends CommonParams {
  /** Which sections to return (all four by default). */
  include?: CommaList<SchemaSection>
  /** `full` (default), `explicitOnly` (fields the site defined), or `clientOnly` (what a client may write). */
  filter?: 'full' | 'explicitOnly' | 'clientOnly'
}

/** The policy sections `getPolicies` can return. A browser may read only the first four. */
export type PolicySection =
  | 'registration'
  | 'gigyaPlugins'
  | 'passwordComplexity'
  | 'security'
  | 'accountOptions'
  | 'emailVerification'
  | 'emailNotifications'
  | 'passwordReset'
  | 'profilePhoto'
  | 'twoFactorAuth'
  | 'doubleOptIn'

export interface GetPoliciesParams extends CommonParams {
  /** Which sections to return (all the caller may read by default). */
  sections?: CommaList<PolicySection>
}

export interface LoginParams extends CommonParams {
  /** The email or user name the user registered with. */
  loginID: string
  /** The user's password. Sent in the body only. */
  password: string
  /**
   * The CAPTCHA, once the site asks for one after failed logins (401020, or an error with the
   * `captchaNeeded` flag): a provider's response token, or the challenge id of a text CAPTCHA.
   */
  captchaToken?: string
  /** Which CAPTCHA provider produced `captchaToken` (e.g. `reCaptchaV2`); absent for a text CAPTCHA. */
  captchaType?: string
  /** What the user typed for a text CAPTCHA (`getCaptcha`). */
  captchaText?: string
  /** Which parts of the account to return. */
  include?: CommaList<AccountInclude>
  /** Lifetime of the session in seconds (see `RegisterParams.sessionExpiration`). */
  sessionExpiration?: number
  /** Where the returned session is for. */
  targetEnv?: TargetEnv
}

export interface IsAvailableLoginIDParams extends CommonParams {
  /** The email or user name to check. */
  loginID: string
}

export type ResendVerificationCodeParams =
  | (CommonParams & {
      /** The token returned with the pending-verification error. */
      regToken: string
      UID?: never
      /** Send to this one of the account's unverified addresses instead of all of them. */
      email?: string
    })
  | (CommonParams & { UID: string; regToken?: never; email?: string })

/** `accounts.getCaptcha` takes no parameters of its own. */
export type GetCaptchaParams = CommonParams

// ---------------------------------------------------------------------------------------------------
// Responses

/** One entry of `validationErrors`. */
export interface ValidationError {
  /** Why the field was refused, e.g. 400003 (already exists), 400026 (invalid format), 400027 (required). */
  errorCode: number
  /** The server's text, in the requested language where it has one. */
  message: string
  /** The dotted binding path of the field: `email`, `password`, `profile.zip`, `data.terms`. */
  fieldName: string
}

/** A parameter the server received but did not use. */
export interface IgnoredParam {
  paramName: string
  warningCode: number
  message: string
}

/** The fields every response carries. */
export interface ResponseEnvelope {
  /** 0 on success; 200xxx codes are successes with a remark. */
  errorCode: number
  /** Unique id of this call at SAP (32 hex characters); quote it to support. */
  callId?: string
  /** HTTP-like status kept for compatibility (200, 206, 400, 403, 500). */
  statusCode?: number
  statusReason?: string
  /** Server time of the response, ISO 8601. */
  time?: string
  apiVersion?: number
  /** The `context` parameter, returned as sent. */
  context?: string
  ignoredParams?: IgnoredParam[]
}

export interface InitRegistrationResponse extends ResponseEnvelope {
  /** Valid for one hour; lite tokens contain `_LTE_`. */
  regToken: string
}

export interface SessionInfo {
  /** Browser sessions (`targetEnv: 'browser'`, the default); `cookieValue` works as a `login_token`. */
  cookieName?: string
  cookieValue?: string
  /** Mobile sessions. */
  sessionToken?: string
  sessionSecret?: string
  /** Web SDK sessions (`targetEnv: 'jssdk'`). */
  login_token?: string
  /** Seconds the session lives (`sessionExpiration`); `0` = until the browser closes. */
  expires_in?: string | number
}

export interface AccountEmails {
  verified: string[]
  unverified: string[]
}

export interface AccountLoginIDs {
  emails: string[]
  unverifiedEmails: string[]
  username?: string
}

/** What `register`, `finalizeRegistration` and `login` return on success. */
export interface AccountResponse extends ResponseEnvelope {
  UID: string
  UIDSignature?: string
  signatureTimestamp?: string | number
  sessionInfo?: SessionInfo
  isRegistered?: boolean
  isActive?: boolean
  isVerified?: boolean
  newUser?: boolean
  registered?: string
  registeredTimestamp?: number
  created?: string
  createdTimestamp?: number
  lastUpdated?: string
  lastUpdatedTimestamp?: number
  lastLogin?: string
  lastLoginTimestamp?: number
  loginProvider?: string
  socialProviders?: string
  profile?: AccountProfile
  data?: JsonObject
  emails?: AccountEmails
  loginIDs?: AccountLoginIDs
  subscriptions?: JsonObject
  preferences?: JsonObject
  missingRequiredFields?: string[]
  irank?: number
}

export type RegisterResponse = AccountResponse
export type FinalizeRegistrationResponse = AccountResponse
export type LoginResponse = AccountResponse

export interface SetAccountInfoResponse extends ResponseEnvelope {
  /** Returned when the call created or updated a lite account. */
  UID?: string
  /**
   * With a lite token: whether the email got a new lite account (true) or updated the one it had
   * (false). The emulator sends it; where a server does not, the widget simply thanks the user.
   */
  newUser?: boolean
}

/** How a schema field may be written. */
export type WriteAccess = 'serverOnly' | 'clientCreate' | 'clientModify'

/** A field of `profileSchema` or `dataSchema`. */
export interface SchemaFieldDef {
  type?: string
  required?: boolean
  /** `regex('<.NET pattern>')`, or `"true"` for a boolean that must be true. */
  format?: string | null
  allowNull?: boolean
  writeAccess?: WriteAccess
  encrypt?: string
  [attribute: string]: JsonValue | undefined
}

/** A subscription of `subscriptionsSchema`, found at `fields.<id>.email`. */
export interface SubscriptionDef {
  type?: 'subscription' | (string & {})
  required?: boolean
  doubleOptIn?: boolean
  description?: string
  enableConditionalDoubleOptIn?: boolean
  [attribute: string]: JsonValue | undefined
}

/** A consent of `preferencesSchema`. */
export interface ConsentDef {
  type?: 'consent' | (string & {})
  required?: boolean
  format?: string | null
  writeAccess?: WriteAccess
  currentDocDate?: string
  minDocDate?: string
  customData?: JsonValue[]
  [attribute: string]: JsonValue | undefined
}

export interface SchemaSectionDef<F> {
  fields: { [path: string]: F }
  dynamicSchema?: boolean
}

export interface GetSchemaResponse extends ResponseEnvelope {
  profileSchema?: SchemaSectionDef<SchemaFieldDef>
  dataSchema?: SchemaSectionDef<SchemaFieldDef>
  subscriptionsSchema?: SchemaSectionDef<{ email?: SubscriptionDef; [channel: string]: SubscriptionDef | undefined }>
  preferencesSchema?: SchemaSectionDef<ConsentDef>
}

export interface RegistrationPolicy {
  requireCaptcha?: boolean
  requireSecurityQuestion?: boolean
  requireLoginID?: boolean
  enforceCoppa?: boolean
  [setting: string]: JsonValue | undefined
}

export interface PasswordComplexityPolicy {
  minLength?: number
  /** How many of: uppercase, lowercase, digit, special symbol (0–4). */
  minCharGroups?: number
  /** An extra .NET pattern the password must match. */
  regExp?: string
  [setting: string]: JsonValue | undefined
}

export interface AccountOptionsPolicy {
  /** A comma list: `email`, `username`, `email, username`, `email, providerEmail`. */
  loginIdentifiers?: string
  loginIdentifierConflict?: 'ignore' | 'failOnSiteConflictingIdentity' | 'failOnAnyConflictingIdentity'
  verifyEmail?: boolean
  allowUnverifiedLogin?: boolean
  preventLoginIDHarvesting?: boolean
  defaultLanguage?: string
  [setting: string]: JsonValue | undefined
}

export interface GetPoliciesResponse extends ResponseEnvelope {
  registration?: RegistrationPolicy
  passwordComplexity?: PasswordComplexityPolicy
  accountOptions?: AccountOptionsPolicy
  gigyaPlugins?: JsonObject
  security?: JsonObject
  doubleOptIn?: JsonObject
  emailVerification?: JsonObject
}

export interface IsAvailableLoginIDResponse extends ResponseEnvelope {
  isAvailable: boolean
}

export type ResendVerificationCodeResponse = ResponseEnvelope

/** A text CAPTCHA challenge: send `captchaToken` back with what the user read as `captchaText`. */
export interface GetCaptchaResponse extends ResponseEnvelope {
  /** The challenge id; used up by the first call that sends it, and valid 10 minutes at the emulator. */
  captchaToken: string
  /** The distorted word, as a `data:image/…` URL (the emulator's is an SVG). */
  captchaImage: string
}

/**
 * `accounts.resetPassword`, in its two steps (FLOWS.md §3): `{ loginID }` mails a link to the
 * account's address; `{ passwordResetToken, newPassword }` (the link's `pwrt`) sets the password.
 */
export type ResetPasswordParams =
  | (CommonParams & {
      /** The email or user name of the account whose password is forgotten. */
      loginID: string
      passwordResetToken?: never
      /**
       * With the site's security check (`passwordReset.requireSecurityCheck`, or an account without
       * email): the new password, set at once with a right `secretAnswer` or `securityFields`.
       */
      newPassword?: string
      /** The answer to the account's security question (a 400050 names the question). Body only. */
      secretAnswer?: string
      /** A set of the profile fields `passwordReset.securityFields` lists, as the user typed them. */
      securityFields?: JsonObject
      /** Send the link to this one of the account's addresses. */
      email?: string
      captchaToken?: string
      captchaType?: string
      captchaText?: string
    })
  | (CommonParams & {
      /** The token of the emailed link (its `pwrt` query parameter). Single use, valid an hour. */
      passwordResetToken: string
      /** The new password; held to the site's password policy and history. Sent in the body only. */
      newPassword: string
      loginID?: never
    })

export interface ResetPasswordResponse extends ResponseEnvelope {
  /** The account whose password was changed (step 2 only). */
  UID?: string
}

/** `accounts.otp.sendCode`: mails a one-time code to verify an email (code verification, 206006). */
export interface OtpSendCodeParams extends CommonParams, SessionParams {
  /** The address to verify; required in email code flows. */
  email: string
  /**
   * The token of the pending (206006) registration or login. Without it, a signed-in user's session
   * asks for a code to change the account's email (the profile screen-set's change-email).
   */
  regToken?: string
  captchaToken?: string
  captchaType?: string
}

export interface OtpSendCodeResponse extends ResponseEnvelope {
  /** Pairs the code with this request; expires after 10 minutes. */
  vToken: string
}

/** `accounts.otp.update`: checks the code the user typed; then `finalizeRegistration({ regToken })`. */
export type OtpUpdateParams = CommonParams & {
  vToken: string
  /** The code from the email. */
  code: string
} & (
    | { regToken: string; UID?: never; login_token?: never }
    | { UID: string; regToken?: never; login_token?: never }
    | (SessionParams & { regToken?: never; UID?: never })
  )

export type OtpUpdateResponse = ResponseEnvelope

/**
 * `accounts.initProgression`: a registration token bound to a lite account, from the lite token your
 * server got with `accounts.getLiteToken`; the registration with it keeps the lite account's UID.
 */
export interface InitProgressionParams extends CommonParams {
  /** The lite account's token (`accounts.getLiteToken`). */
  regToken: string
}

export type InitProgressionResponse = InitRegistrationResponse

// ---------------------------------------------------------------------------------------------------
// Sessions (FLOWS.md §2)

/**
 * The signed-in user's session. The client adds the one it keeps to the calls that need it (unless
 * the call carries a `regToken`, which takes priority); pass it yourself only from a server.
 * Secret: never in a URL, a query key or a log.
 */
export interface SessionParams {
  login_token?: string
}

/**
 * `accounts.getAccountInfo`: the signed-in user's account (the session), an interrupted account
 * (`regToken`, to pre-fill a screen), or any account by `UID` (server credentials).
 */
export type GetAccountInfoParams = CommonParams & {
  /** Which parts of the account to return (default `profile,data,subscriptions`). */
  include?: CommaList<AccountInclude>
  /** Profile fields outside the default set, e.g. `languages,address,phones`. */
  extraProfileFields?: CommaList<string>
} & (
    | (SessionParams & { regToken?: never; UID?: never })
    | { regToken: string; UID?: never; login_token?: never }
    | { UID: string; regToken?: never; login_token?: never }
  )

/** The account `getAccountInfo` returns: like a login's answer, without a session. */
export type GetAccountInfoResponse = Omit<AccountResponse, 'sessionInfo'>

/** `accounts.logout`: ends the session (the client's own, or a `UID`'s from a server). */
export type LogoutParams = CommonParams & (SessionParams | { UID: string; login_token?: never })

export interface LogoutResponse extends ResponseEnvelope {
  /** Server logout: the social providers the user was connected to. */
  connectedProviders?: string
}

// ---------------------------------------------------------------------------------------------------
// Two-factor authentication (FLOWS.md §8)

/** SAP's TFA providers; the emulator implements `gigyaEmail` and `gigyaTotp`. */
export type TfaProviderName = 'gigyaEmail' | 'gigyaTotp' | 'gigyaPhone' | 'gigyaPush' | (string & {})

/** `accounts.tfa.initTFA` modes: `register` a new provider, `verify` an active one; `add`/`edit` need a recent login. */
export type TfaMode = 'register' | 'verify' | 'add' | 'edit'

export interface TfaGetProvidersParams extends CommonParams, SessionParams {
  /** The token of the 403101 / 403102 answer (or none, for a signed-in user's session). */
  regToken?: string
}

export interface TfaProvider {
  name: TfaProviderName
}

/**
 * The lists as SAP documents them. Unlike the tokens of the other TFA answers, the client does not
 * check them at run time (an array schema would weigh on every page): read them defensively.
 */
export interface TfaGetProvidersResponse extends ResponseEnvelope {
  /** Providers the user has set up: offered on 403101 (verify). */
  activeProviders: TfaProvider[]
  /** Providers the site allows and the user has not set up: offered on 403102 (register). */
  inactiveProviders: TfaProvider[]
  pendingOptin?: TfaProvider[]
}

export interface TfaInitParams extends CommonParams, SessionParams {
  regToken?: string
  provider: TfaProviderName
  mode: TfaMode
}

export interface TfaInitResponse extends ResponseEnvelope {
  /** Binds the next provider calls to this user, provider and mode (a JWT; a few minutes). */
  gigyaAssertion: string
}

/** The provider calls that need only the assertion of `initTFA`. */
export interface TfaAssertionParams extends CommonParams {
  gigyaAssertion: string
}

export interface TfaEmail {
  /** Pass it back as `emailID`. */
  id: string
  /** The address with most characters hidden, e.g. `j***@example.com`. */
  obfuscated: string
  lastVerification?: string
}

/** Not checked at run time, like `TfaGetProvidersResponse`'s lists. */
export interface TfaGetEmailsResponse extends ResponseEnvelope {
  emails: TfaEmail[]
}

export interface TfaEmailSendCodeParams extends CommonParams {
  gigyaAssertion: string
  /** One of `getEmails`' ids (or `email`). */
  emailID?: string
  email?: string
  regToken?: string
}

export interface TfaEmailSendCodeResponse extends ResponseEnvelope {
  /** Pairs the emailed code with this request. */
  phvToken: string
}

export interface TfaEmailCompleteParams extends CommonParams {
  gigyaAssertion: string
  phvToken: string
  /** The code from the email. */
  code: string
  regToken?: string
}

export interface TfaProviderAssertionResponse extends ResponseEnvelope {
  /** Proof that the provider step passed; hand it to `finalizeTFA`. */
  providerAssertion: string
}

export interface TfaTotpRegisterResponse extends ResponseEnvelope {
  /** An image URL (`data:image/png;base64,…` in the emulator) of the QR code to scan. */
  qrCode: string
  /** Pairs the new secret with the `verify` that confirms it. */
  sctToken: string
}

export interface TfaTotpVerifyParams extends CommonParams {
  gigyaAssertion: string
  /** The 6-digit code the authenticator app shows. */
  code: string
  /** Only when registering (from `totp.register`). */
  sctToken?: string
  regToken?: string
}

export interface TfaFinalizeParams extends CommonParams {
  gigyaAssertion: string
  providerAssertion: string
  regToken?: string
  /** True when the user did not ask to remember this device. */
  tempDevice?: boolean
}

/** Parameters and response of each typed method, for generic code (hooks, transports). */
export interface AccountsCalls {
  'accounts.initRegistration': { params: InitRegistrationParams; response: InitRegistrationResponse }
  'accounts.register': { params: RegisterParams; response: RegisterResponse }
  'accounts.finalizeRegistration': { params: FinalizeRegistrationParams; response: FinalizeRegistrationResponse }
  'accounts.setAccountInfo': { params: SetAccountInfoParams; response: SetAccountInfoResponse }
  'accounts.getSchema': { params: GetSchemaParams; response: GetSchemaResponse }
  'accounts.getPolicies': { params: GetPoliciesParams; response: GetPoliciesResponse }
  'accounts.login': { params: LoginParams; response: LoginResponse }
  'accounts.isAvailableLoginID': { params: IsAvailableLoginIDParams; response: IsAvailableLoginIDResponse }
  'accounts.resendVerificationCode': {
    params: ResendVerificationCodeParams
    response: ResendVerificationCodeResponse
  }
  'accounts.getCaptcha': { params: GetCaptchaParams; response: GetCaptchaResponse }
  'accounts.resetPassword': { params: ResetPasswordParams; response: ResetPasswordResponse }
  'accounts.otp.sendCode': { params: OtpSendCodeParams; response: OtpSendCodeResponse }
  'accounts.otp.update': { params: OtpUpdateParams; response: OtpUpdateResponse }
  'accounts.initProgression': { params: InitProgressionParams; response: InitProgressionResponse }
  'accounts.getAccountInfo': { params: GetAccountInfoParams; response: GetAccountInfoResponse }
  'accounts.logout': { params: LogoutParams; response: LogoutResponse }
  'accounts.tfa.getProviders': { params: TfaGetProvidersParams; response: TfaGetProvidersResponse }
  'accounts.tfa.initTFA': { params: TfaInitParams; response: TfaInitResponse }
  'accounts.tfa.finalizeTFA': { params: TfaFinalizeParams; response: ResponseEnvelope }
  'accounts.tfa.email.getEmails': { params: TfaAssertionParams; response: TfaGetEmailsResponse }
  'accounts.tfa.email.sendVerificationCode': {
    params: TfaEmailSendCodeParams
    response: TfaEmailSendCodeResponse
  }
  'accounts.tfa.email.completeVerification': {
    params: TfaEmailCompleteParams
    response: TfaProviderAssertionResponse
  }
  'accounts.tfa.totp.register': { params: TfaAssertionParams; response: TfaTotpRegisterResponse }
  'accounts.tfa.totp.verify': { params: TfaTotpVerifyParams; response: TfaProviderAssertionResponse }
}
