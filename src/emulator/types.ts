import type { GetPoliciesResponse, GetSchemaResponse, JsonObject, ResponseEnvelope } from '../accounts/types'

/** The four schema sections, in the format `accounts.getSchema` returns them. */
export type SiteSchema = Pick<
  GetSchemaResponse,
  'profileSchema' | 'dataSchema' | 'subscriptionsSchema' | 'preferencesSchema'
>

/** Policy sections, in the format `accounts.getPolicies` returns them (any other section is kept too). */
export type SitePolicies = Omit<GetPoliciesResponse, keyof ResponseEnvelope> & {
  [section: string]: JsonObject | undefined
}

/**
 * One emulated site, in the site-file format other tools can write:
 * `{ apiKey, userKey, secret, schema, policies, captchaTestToken }`.
 */
export interface SiteConfig {
  /** The public key browsers send. */
  apiKey: string
  /** Server credentials for server-only calls (`getAccountInfo` by UID, `setSchema`, the inspection calls). */
  userKey: string
  secret: string
  schema: SiteSchema
  policies: SitePolicies
  /**
   * A `captchaToken` that passes every CAPTCHA check of the site, with or without `captchaText`: the
   * switch automated tests use. Leave it out of a site that must never be passed this way.
   */
  captchaTestToken?: string
}

/** A subscription as stored on an account. */
export interface StoredSubscription {
  email: {
    isSubscribed: boolean
    tags?: string[]
    lastUpdatedSubscriptionState: string
    doubleOptIn?: { status: 'NotConfirmed' | 'Pending' | 'Confirmed'; emailSentTime?: string }
  }
}

/** An account as the store keeps it. */
export interface AccountRecord {
  UID: string
  apiKey: string
  /** `full` accounts register with a password; `lite` ones only leave an email (newsletters). */
  kind: 'full' | 'lite'
  /** The login identifiers that must stay unique within the site (lower-cased emails, user names). */
  loginIDs: { emails: string[]; username?: string }
  passwordHash?: string
  secretQuestion?: string
  secretAnswerHash?: string
  profile: JsonObject
  data: JsonObject
  subscriptions: { [id: string]: StoredSubscription }
  preferences: JsonObject
  emails: { verified: string[]; unverified: string[] }
  isRegistered: boolean
  isVerified: boolean
  isActive: boolean
  regSource?: string
  lang?: string
  /** Epoch milliseconds. */
  created: number
  lastUpdated: number
  registered?: number
  verified?: number
  /** Wrong passwords since the last right one, counted while the site asks for a CAPTCHA after some. */
  failedLogins?: number
  /** When the password was last set (epoch milliseconds); before, `registered` or `created` count. */
  passwordChanged?: number
  /** Hashes of earlier passwords, newest first (`security.passwordHistorySize`, 401030). */
  passwordHistory?: string[]
  /** Set by a server `setAccountInfo({ UID, requirePasswordChange: true })`: the next login answers 403100. */
  requirePasswordChange?: boolean
  /** The id of the latest password reset token: a new request revokes the ones before. */
  resetTokenId?: string
  /** The code of the latest `accounts.otp.sendCode` (206006), until it is entered or burned. */
  pendingCode?: PendingCode
  /** When codes were sent (epoch milliseconds), for the sending limit; only the recent ones are kept. */
  codesSent?: number[]
  /** When a session was last issued to the account (epoch milliseconds). */
  lastLogin?: number
  /**
   * Sessions carry the generation they were issued in; bumping it ends every earlier session (a
   * password change, a server logout by UID), except `keptSession`, the one that asked for the bump.
   */
  sessionGeneration?: number
  keptSession?: string
  /** Two-factor authentication (FLOWS.md §8). */
  tfa?: TfaState
}

/** An authenticator secret, and the id that names it in the used-code records. */
export interface TotpSecret {
  id: string
  /** Base32, as the `otpauth://` URI carries it. */
  secret: string
  /** The latest time step accepted: a code of this step or an earlier one is never accepted again. */
  lastStep?: number
}

/** An account's TFA providers and what they need. */
export interface TfaState {
  /** The providers the user has set up (`gigyaTotp`, `gigyaEmail`). */
  active: string[]
  totp?: TotpSecret
  /** The secret `tfa.totp.register` showed, until `tfa.finalizeTFA` makes it the active one. */
  pendingTotp?: TotpSecret & { sctId: string; created: number }
  /** Addresses set up for gigyaEmail besides the account's verified emails. */
  emails?: string[]
  /** When each address (lower-cased) last passed a TFA code, epoch milliseconds. */
  emailsVerified?: Record<string, number>
  /** The latest emailed TFA code, until it is entered or burned. */
  pendingEmailCode?: { phvId: string; email: string; codeHash: string }
}

/** A one-time code waiting to be entered; only a keyed hash of the code is kept. */
export interface PendingCode {
  /** The id of the `vToken` that pairs with it (a newer code replaces it). */
  vTokenId: string
  email: string
  codeHash: string
  /** Sent to a signed-in user's new address: entering it makes that address the login email. */
  changesLoginEmail?: boolean
}

/** A message the emulator would have emailed (verification, double opt-in, password reset, code). */
export interface OutboxMessage {
  id: number
  apiKey: string
  to: string
  kind: 'verification' | 'double-opt-in' | 'password-reset' | 'code-verification' | 'tfa-code'
  subject: string
  body: string
  UID?: string
  /** The message's link (the password reset page with its `pwrt`), for tests and the demo to follow. */
  link?: string
  /** The message's one-time code (`code-verification`, `tfa-code`), for tests and the demo to type. */
  code?: string
  /** Epoch milliseconds. */
  created: number
}

export type NewOutboxMessage = Omit<OutboxMessage, 'id'>

/**
 * Why an insert or update was refused: the UID or a login identifier was already taken, or (`stale`)
 * the stored account is no longer of the kind the update expected.
 */
export type UniqueConflict = { conflict: 'uid' } | { conflict: 'loginID'; loginID: string } | { conflict: 'stale' }

/**
 * Where the emulator keeps its state. Every method is atomic on its own; uniqueness of UIDs and of
 * each (site, login identifier) pair is the store's job (a database constraint), so parallel
 * registrations of one email can never create two accounts.
 */
export interface Store {
  /** A value kept across restarts (the token signing key), set once: the first writer wins. */
  getOrSetMeta(key: string, value: string): Promise<string>
  getSite(apiKey: string): Promise<SiteConfig | undefined>
  putSite(site: SiteConfig): Promise<void>
  /**
   * Inserts an account together with its unique keys: `loginIDs.emails`, `loginIDs.username` for
   * full accounts, and `lite:<email>` for lite ones. Nothing is written on a conflict.
   */
  insertAccount(account: AccountRecord): Promise<UniqueConflict | undefined>
  /**
   * Replaces an existing account and its unique keys; nothing is written on a conflict. With
   * `expectedKind`, only while the stored account is still of that kind (a lite account becoming a
   * full one is written once, whatever the interleaving of parallel calls).
   */
  updateAccount(account: AccountRecord, expectedKind?: AccountRecord['kind']): Promise<UniqueConflict | undefined>
  getAccount(apiKey: string, UID: string): Promise<AccountRecord | undefined>
  /** The full account that holds this email or user name (case-insensitive). */
  findAccountByLoginID(apiKey: string, loginID: string): Promise<AccountRecord | undefined>
  /** The lite account of this email (case-insensitive). */
  findLiteAccount(apiKey: string, email: string): Promise<AccountRecord | undefined>
  listAccounts(apiKey: string): Promise<AccountRecord[]>
  /** Marks a token id used; false when it already was (atomic: only one caller gets true). */
  useToken(tokenId: string, usedAt: number): Promise<boolean>
  isTokenUsed(tokenId: string): Promise<boolean>
  addOutbox(message: NewOutboxMessage): Promise<OutboxMessage>
  listOutbox(apiKey: string): Promise<OutboxMessage[]>
  close(): Promise<void>
}

/** The unique keys an account claims in its site (see `Store.insertAccount`). */
export function uniqueKeysOf(account: AccountRecord): string[] {
  if (account.kind === 'lite') return account.loginIDs.emails.map((email) => `lite:${email.toLowerCase()}`)
  const keys = account.loginIDs.emails.map((email) => email.toLowerCase())
  if (account.loginIDs.username !== undefined) keys.push(account.loginIDs.username.toLowerCase())
  return keys
}
