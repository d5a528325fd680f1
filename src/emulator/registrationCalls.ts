import type { JsonObject, ValidationError } from '../accounts/types'
import { accountBody, DEFAULT_INCLUDE, signUID, sessionInfo } from './accountView'
import { verifyCaptcha } from './captcha'
import type { CallContext, Handler } from './context'
import { hashSecret, verifySecret } from './crypto'
import { fail, randomHex32, validationFailure, type Body } from './envelope'
import { setLiteAccountInfo } from './liteAccounts'
import { failedLogin, requireLoginCaptcha, resetFailedLogins } from './loginCaptcha'
import { issueRegToken, readRegToken, type RegTokenClaims } from './regToken'
import type { AccountRecord, SiteConfig, UniqueConflict } from './types'
import {
  applyWrite,
  checkWrite,
  isValidEmail,
  meetsPasswordPolicy,
  missingRequiredFields,
  validateWrite,
  writeInputOf,
} from './validateWrite'

const MAX_SITE_UID_LENGTH = 252

/** Which login identifiers the site's `accountOptions.loginIdentifiers` allows. */
function loginIdentifiers(site: SiteConfig): { email: boolean; username: boolean } {
  const list = String(site.policies.accountOptions?.loginIdentifiers ?? 'email')
    .split(',')
    .map((item) => item.trim())
  const username = list.includes('username')
  return { email: list.includes('email') || !username, username }
}

function newToken(context: CallContext, lite: boolean, UID?: string): Promise<string> {
  return issueRegToken(context.env.tokenKey, {
    apiKey: context.site.apiKey,
    issuedAt: context.now,
    lite,
    ...(UID === undefined ? {} : { UID }),
  })
}

/** A regToken that is genuine, of the right kind, and not used up. */
async function readToken(context: CallContext, kind: 'full' | 'lite' | 'any'): Promise<RegTokenClaims> {
  const claims = await readRegToken(
    context.env.tokenKey,
    context.params.required('regToken'),
    context.site.apiKey,
    context.now,
  )
  const kindOk = kind === 'any' || (kind === 'lite') === claims.lite
  if (!kindOk || (await context.env.store.isTokenUsed(claims.id))) {
    throw fail(400006, 'Invalid parameter value', 'Invalid regToken')
  }
  return claims
}

/** Uses the token up, atomically: of parallel calls with one token, only one gets past this. */
async function consumeToken(context: CallContext, claims: RegTokenClaims): Promise<void> {
  if (!(await context.env.store.useToken(claims.id, context.now))) {
    throw fail(400006, 'Invalid parameter value', 'Invalid regToken')
  }
}

/** `targetEnv` and `sessionExpiration`, checked before anything is written. */
function readSessionOptions(context: CallContext): void {
  const targetEnv = context.params.string('targetEnv')
  if (targetEnv !== undefined && !['browser', 'mobile', 'both'].includes(targetEnv)) {
    throw fail(400006, 'Invalid parameter value', 'Invalid targetEnv')
  }
  context.params.integer('sessionExpiration')
}

/** The pending account a token continues. */
async function pendingAccount(context: CallContext, claims: RegTokenClaims): Promise<AccountRecord> {
  const account =
    claims.UID === undefined ? undefined : await context.env.store.getAccount(context.site.apiKey, claims.UID)
  if (!account || account.kind !== 'full') throw fail(400006, 'Invalid parameter value', 'Invalid regToken')
  return account
}

function include(context: CallContext): string[] {
  return context.params.list('include') ?? DEFAULT_INCLUDE
}

/** Age in whole years from the profile's birth date, when the year is known. */
function ageOf(profile: JsonObject, now: number): number | undefined {
  const year = profile.birthYear
  if (typeof year !== 'number') return undefined
  const today = new Date(now)
  const month = typeof profile.birthMonth === 'number' ? profile.birthMonth : 1
  const day = typeof profile.birthDay === 'number' ? profile.birthDay : 1
  const hadBirthday =
    today.getUTCMonth() + 1 > month || (today.getUTCMonth() + 1 === month && today.getUTCDate() >= day)
  return today.getUTCFullYear() - year - (hadBirthday ? 0 : 1)
}

function checkCoppa(context: CallContext, account: AccountRecord): void {
  if (context.site.policies.registration?.enforceCoppa !== true) return
  const age = ageOf(account.profile, context.now)
  if (age !== undefined && age < 13) throw fail(403044, 'Under age user', 'Under age user')
}

/**
 * A login identifier another account holds: a field error like any other (REFERENCE.md §3), never an
 * interruption. 403043 / 409003 belong to identity conflicts of social login, not to registration.
 */
function loginIDTaken(context: CallContext, fieldName: 'email' | 'username'): ValidationError {
  return {
    errorCode: 400003,
    message: context.messages(fieldName === 'email' ? 'emailExists' : 'usernameExists'),
    fieldName,
  }
}

/** The answer to a write the store refused: the UID or a login identifier was taken meanwhile. */
function storeConflict(context: CallContext, account: AccountRecord, conflict: UniqueConflict): Error {
  if (conflict.conflict === 'uid') {
    return validationFailure([{ errorCode: 400003, message: context.messages('uidExists'), fieldName: 'siteUID' }])
  }
  const username = account.loginIDs.username?.toLowerCase()
  const field = conflict.conflict === 'loginID' && conflict.loginID === username ? 'username' : 'email'
  return validationFailure([loginIDTaken(context, field)])
}

/** Writes a changed full account; a login identifier taken in the meantime is the answer instead. */
async function saveAccount(context: CallContext, account: AccountRecord): Promise<void> {
  const conflict = await context.env.store.updateAccount(account, 'full')
  if (conflict) throw storeConflict(context, account, conflict)
}

/** 206001: the registration waits for `missing` (or for finalizing), with a token to continue it. */
async function pendingRegistration(context: CallContext, account: AccountRecord, missing: readonly string[]) {
  const details =
    missing.length > 0
      ? `Missing required fields for registration: ${missing.join(', ')}`
      : 'Account Pending Registration'
  return fail(206001, 'Account Pending Registration', details, {
    ...accountBody(account, [...include(context), 'profile', 'data'], missing),
    regToken: await newToken(context, false, account.UID),
  })
}

/**
 * Where a full registration goes once its fields are written: pending (206001, listing what is
 * missing) until complete and finalized; then registered, and pending verification (206002) when
 * the site verifies emails. The token that brought it here is already used up.
 */
async function settleRegistration(context: CallContext, account: AccountRecord, finalize: boolean): Promise<Body> {
  const { site, now } = context
  const missing = missingRequiredFields(account, site)
  const parts = include(context)

  if (missing.length > 0 || !finalize) {
    await saveAccount(context, account)
    throw await pendingRegistration(context, account, missing)
  }

  const verifyEmail = site.policies.accountOptions?.verifyEmail === true
  account.isRegistered = true
  account.registered = now
  account.lastUpdated = now
  if (!verifyEmail) {
    account.isVerified = true
    account.verified = now
    account.emails = {
      verified: [...new Set([...account.emails.verified, ...account.emails.unverified])],
      unverified: [],
    }
  }
  await saveAccount(context, account)

  if (verifyEmail && account.emails.unverified.length > 0) {
    await sendVerification(context, account, account.emails.unverified)
    throw fail(206002, 'Account Pending Verification', 'Account Pending Verification', {
      ...accountBody(account, [...parts, 'emails']),
      ...(await signUID(site, account.UID, now)),
      newUser: true,
      regToken: await newToken(context, false, account.UID),
    })
  }
  return sessionBody(context, account, parts, true)
}

async function sessionBody(
  context: CallContext,
  account: AccountRecord,
  parts: readonly string[],
  newUser: boolean,
): Promise<Body> {
  const { params, site, now } = context
  return {
    errorCode: 0,
    sessionInfo: sessionInfo(site, params.string('targetEnv'), params.integer('sessionExpiration')),
    ...accountBody(account, parts),
    ...(await signUID(site, account.UID, now)),
    newUser,
  }
}

async function sendVerification(
  context: CallContext,
  account: AccountRecord,
  emails: readonly string[],
): Promise<void> {
  for (const to of emails) {
    await context.env.store.addOutbox({
      apiKey: context.site.apiKey,
      UID: account.UID,
      to,
      kind: 'verification',
      subject: 'Please verify your email address',
      body: `Verify ${to} for account ${account.UID}.`,
      created: context.now,
    })
  }
}

export const initRegistration: Handler = async (context) => ({
  errorCode: 0,
  regToken: await newToken(context, context.params.boolean('isLite', false)),
})

export const register: Handler = async (context) => {
  const { env, site, params, now, messages } = context
  const claims = await readToken(context, 'full')
  const finalize = params.boolean('finalizeRegistration', false)
  readSessionOptions(context)

  if (site.policies.registration?.requireCaptcha === true && (await verifyCaptcha(context)) !== 'passed') {
    throw fail(400021, 'CAPTCHA verification failed', 'CAPTCHA verification failed')
  }

  if (claims.UID !== undefined) {
    // A token from login or an earlier register: this call completes that pending account.
    const account = await pendingAccount(context, claims)
    applyWrite(
      account,
      validateWrite(writeInputOf(context.params), { site, client: true, existing: account, messages, warn: env.warn }),
      site,
      now,
    )
    checkCoppa(context, account)
    await consumeToken(context, claims)
    return settleRegistration(context, account, finalize)
  }

  const identifiers = loginIdentifiers(site)
  const email = params.string('email')?.trim()
  const username = params.string('username')?.trim()
  const password = params.string('password')
  const secretQuestion = params.string('secretQuestion')
  const secretAnswer = params.string('secretAnswer')
  const siteUID = params.string('siteUID')
  if (siteUID !== undefined && (siteUID.length > MAX_SITE_UID_LENGTH || !/^[\x21-\x7e]+$/.test(siteUID))) {
    throw fail(400006, 'Invalid parameter value', 'Invalid siteUID')
  }
  // Unknown and forbidden fields refuse the call on their own (400020 / 400025); every other problem
  // of the call is collected below and answered in one 400009 (REFERENCE.md §2).
  const { write, errors: fieldErrors } = checkWrite(writeInputOf(context.params), {
    site,
    client: true,
    messages,
    warn: env.warn,
  })

  const loginEmail = identifiers.email && email !== undefined && isValidEmail(email) ? email : undefined
  const loginUsername = identifiers.username && username !== undefined ? username : undefined
  const errors: ValidationError[] = []
  const required = (fieldName: string) => errors.push({ errorCode: 400027, message: messages('required'), fieldName })
  const isTaken = async (loginID: string | undefined) =>
    loginID !== undefined && (await env.store.findAccountByLoginID(site.apiKey, loginID)) !== undefined

  if (email === undefined && identifiers.email && (!identifiers.username || username === undefined)) required('email')
  if (email !== undefined && !isValidEmail(email))
    errors.push({ errorCode: 400026, message: messages('invalidEmail'), fieldName: 'email' })
  if (await isTaken(loginEmail)) errors.push(loginIDTaken(context, 'email'))
  if (username === undefined && identifiers.username && !identifiers.email) required('username')
  if (await isTaken(loginUsername)) errors.push(loginIDTaken(context, 'username'))
  if (password === undefined) required('password')
  else if (!meetsPasswordPolicy(password, site.policies.passwordComplexity, env.warn)) {
    errors.push({ errorCode: 400009, message: messages('passwordComplexity'), fieldName: 'password' })
  }
  if (site.policies.registration?.requireSecurityQuestion === true) {
    if (secretQuestion === undefined) required('secretQuestion')
    if (secretAnswer === undefined) required('secretAnswer')
  }
  errors.push(...fieldErrors)
  if (errors.length > 0) throw validationFailure(errors)

  // A lite account of this email becomes the full account: same UID, its data under the call's (FLOWS.md §7).
  const lite = loginEmail === undefined ? undefined : await env.store.findLiteAccount(site.apiKey, loginEmail)
  const account: AccountRecord = {
    UID: lite?.UID ?? siteUID ?? randomHex32(),
    apiKey: site.apiKey,
    kind: 'full',
    loginIDs: {
      emails: loginEmail === undefined ? [] : [loginEmail],
      ...(loginUsername === undefined ? {} : { username: loginUsername }),
    },
    passwordHash: await hashSecret(password as string, env.passwordHashIterations),
    ...(secretQuestion === undefined ? {} : { secretQuestion }),
    ...(secretAnswer === undefined
      ? {}
      : { secretAnswerHash: await hashSecret(secretAnswer, env.passwordHashIterations) }),
    profile: structuredClone(lite?.profile ?? {}),
    data: structuredClone(lite?.data ?? {}),
    subscriptions: structuredClone(lite?.subscriptions ?? {}),
    preferences: structuredClone(lite?.preferences ?? {}),
    emails: mergeEmails(lite, email),
    isRegistered: false,
    isVerified: false,
    isActive: true,
    ...optional('regSource', params.string('regSource') ?? lite?.regSource),
    ...optional('lang', params.string('lang') ?? lite?.lang),
    created: lite?.created ?? now,
    lastUpdated: now,
  }
  applyWrite(account, write, site, now)
  if (email !== undefined && account.profile.email === undefined) account.profile.email = email
  checkCoppa(context, account)

  await consumeToken(context, claims)
  // `lite` → `full` is written once: a parallel registration that progressed it first wins (stale).
  const conflict = lite ? await env.store.updateAccount(account, 'lite') : await env.store.insertAccount(account)
  if (conflict) throw storeConflict(context, account, conflict)
  return settleRegistration(context, account, finalize)
}

function optional<K extends string>(key: K, value: string | undefined): { [key in K]?: string } {
  return value === undefined ? {} : ({ [key]: value } as { [key in K]: string })
}

/** The emails a registration starts with: a lite account's (verified ones stay verified), and its own. */
function mergeEmails(lite: AccountRecord | undefined, email: string | undefined): AccountRecord['emails'] {
  const verified = lite?.emails.verified ?? []
  const known = (address: string) => verified.some((other) => other.toLowerCase() === address.toLowerCase())
  const unverified = [...(lite?.emails.unverified ?? []), ...(email === undefined ? [] : [email])]
  const seen = new Set<string>()
  return {
    verified: [...verified],
    unverified: unverified.filter((address) => {
      const key = address.toLowerCase()
      if (known(address) || seen.has(key)) return false
      seen.add(key)
      return true
    }),
  }
}

export const finalizeRegistration: Handler = async (context) => {
  const claims = await readToken(context, 'full')
  readSessionOptions(context)
  const account = await pendingAccount(context, claims)
  if (account.isRegistered) throw fail(400006, 'Invalid parameter value', 'Invalid regToken')
  await consumeToken(context, claims)
  return settleRegistration(context, account, true)
}

export const setAccountInfo: Handler = async (context) => {
  const { env, site, params, now, messages } = context
  if (params.has('regToken')) {
    const claims = await readToken(context, 'any')
    if (claims.lite) return setLiteAccountInfo(context)
    const account = await pendingAccount(context, claims)
    if (account.isRegistered) throw fail(400006, 'Invalid parameter value', 'Invalid regToken')
    const { write, errors } = checkWrite(writeInputOf(context.params), {
      site,
      client: true,
      existing: account,
      messages,
      warn: env.warn,
    })
    // Completing a registration may add the user name the site logs in with; taken, it is one more field error.
    const username = loginIdentifiers(site).username ? params.string('username')?.trim() : undefined
    if (username !== undefined) {
      const holder = await env.store.findAccountByLoginID(site.apiKey, username)
      if (holder !== undefined && holder.UID !== account.UID) errors.unshift(loginIDTaken(context, 'username'))
      else account.loginIDs.username = username
    }
    if (errors.length > 0) throw validationFailure(errors)
    applyWrite(account, write, site, now)
    checkCoppa(context, account)
    await saveAccount(context, account)
    return { errorCode: 0 }
  }
  const UID = params.required('UID')
  if (!context.serverAuthorized) {
    throw fail(403007, 'Permission denied', 'Writing an account by UID needs the site userKey and secret')
  }
  const account = await env.store.getAccount(site.apiKey, UID)
  if (!account) throw fail(400006, 'Invalid parameter value', 'Invalid UID')
  applyWrite(
    account,
    validateWrite(writeInputOf(context.params), { site, client: false, existing: account, messages, warn: env.warn }),
    site,
    now,
  )
  await env.store.updateAccount(account)
  return { errorCode: 0 }
}

export const login: Handler = async (context) => {
  const { env, site, params, now } = context
  const loginID = params.required('loginID').trim()
  const password = params.required('password')
  readSessionOptions(context)
  const account = await env.store.findAccountByLoginID(site.apiKey, loginID)
  await requireLoginCaptcha(context, account)
  const valid = account?.passwordHash !== undefined && (await verifySecret(password, account.passwordHash))
  if (!account || !valid) throw await failedLogin(context, account)
  await resetFailedLogins(context, account)
  const parts = include(context)
  if (!account.isRegistered) throw await pendingRegistration(context, account, missingRequiredFields(account, site))
  const accountOptions = site.policies.accountOptions
  if (accountOptions?.verifyEmail === true && !account.isVerified && accountOptions.allowUnverifiedLogin !== true) {
    throw fail(206002, 'Account Pending Verification', 'Account Pending Verification', {
      ...accountBody(account, [...parts, 'emails']),
      regToken: await newToken(context, false, account.UID),
    })
  }
  return {
    ...(await sessionBody(context, account, parts, false)),
    lastLogin: new Date(now).toISOString(),
    lastLoginTimestamp: now,
  }
}

export const isAvailableLoginID: Handler = async (context) => {
  const loginID = context.params.required('loginID').trim()
  return { errorCode: 0, isAvailable: !(await context.env.store.findAccountByLoginID(context.site.apiKey, loginID)) }
}

export const resendVerificationCode: Handler = async (context) => {
  const { env, site, params } = context
  let account: AccountRecord | undefined
  if (params.has('regToken')) {
    const claims = await readRegToken(env.tokenKey, params.required('regToken'), site.apiKey, context.now)
    account = claims.UID === undefined || claims.lite ? undefined : await env.store.getAccount(site.apiKey, claims.UID)
    if (!account) throw fail(400006, 'Invalid parameter value', 'Invalid regToken')
  } else {
    const UID = params.required('UID')
    if (!context.serverAuthorized)
      throw fail(403007, 'Permission denied', 'Resending by UID needs the site userKey and secret')
    account = await env.store.getAccount(site.apiKey, UID)
    if (!account) throw fail(400006, 'Invalid parameter value', 'Invalid UID')
  }
  const email = params.string('email')
  const targets =
    email === undefined
      ? account.emails.unverified
      : account.emails.unverified.filter((address) => address.toLowerCase() === email.toLowerCase())
  if (targets.length === 0)
    throw fail(
      400006,
      'Invalid parameter value',
      email === undefined ? 'No unverified email to verify' : 'Invalid email',
    )
  await sendVerification(context, account, targets)
  return { errorCode: 0 }
}
