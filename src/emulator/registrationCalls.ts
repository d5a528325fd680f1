import type { JsonObject, ValidationError } from '../accounts/types'
import { accountBody, signUID } from './accountView'
import { verifyCaptcha } from './captcha'
import type { CallContext, Handler } from './context'
import { hashSecret } from './crypto'
import { fail, randomHex32, validationFailure, type Body } from './envelope'
import { loginInterruption, pendingCodeVerification, verifiesByCode } from './interruptions'
import type { RegTokenClaims } from './regToken'
import {
  consumeToken,
  include,
  invalidRegToken,
  loginIdentifiers,
  loginIDTaken,
  newToken,
  pendingAccount,
  pendingRegistration,
  readSessionOptions,
  readToken,
  saveAccount,
  sendVerification,
  sessionBody,
  storeConflict,
} from './registrationSupport'
import type { AccountRecord } from './types'
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

export function checkCoppa(context: CallContext, account: AccountRecord): void {
  if (context.site.policies.registration?.enforceCoppa !== true) return
  const age = ageOf(account.profile, context.now)
  if (age !== undefined && age < 13) throw fail(403044, 'Under age user', 'Under age user')
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
    // By code, the screen asks for the first code itself (FLOWS.md §5.2): nothing is sent here.
    if (verifiesByCode(site)) throw await pendingCodeVerification(context, account, true)
    await sendVerification(context, account, account.emails.unverified)
    throw fail(206002, 'Account Pending Verification', 'Account Pending Verification', {
      ...accountBody(account, [...parts, 'emails']),
      ...(await signUID(site, account.UID, now)),
      newUser: true,
      regToken: await newToken(context, false, { UID: account.UID }),
    })
  }
  return sessionBody(context, account, parts, true)
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

  // A token of `accounts.initProgression`: the registration of that lite account (FLOWS.md §7).
  if (claims.step === 'progression') return registerNew(context, claims, finalize, await liteOf(context, claims))

  if (claims.UID !== undefined) {
    // A token from login or an earlier register: this call completes that pending account.
    const account = await pendingAccount(context, claims)
    // A registered account's token (403100, 206002, 206006) resolves its own interruption, not this.
    if (account.isRegistered) throw invalidRegToken()
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
  return registerNew(context, claims, finalize)
}

/** The lite account a progression token is bound to, while it is still a lite account. */
async function liteOf(context: CallContext, claims: RegTokenClaims): Promise<AccountRecord> {
  const lite =
    claims.UID === undefined ? undefined : await context.env.store.getAccount(context.site.apiKey, claims.UID)
  if (!lite || lite.kind !== 'lite') throw invalidRegToken()
  return lite
}

/**
 * A registration that creates the full account: a new one, or the lite account of its email (or of
 * its progression token) become full, keeping the UID.
 */
async function registerNew(
  context: CallContext,
  claims: RegTokenClaims,
  finalize: boolean,
  progressed?: AccountRecord,
): Promise<Body> {
  const { env, site, params, now, messages } = context
  const identifiers = loginIdentifiers(site)
  // A progression keeps the lite account's email unless the form gives another.
  const email = (params.string('email') ?? progressed?.loginIDs.emails[0])?.trim()
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
  const lite =
    progressed ?? (loginEmail === undefined ? undefined : await env.store.findLiteAccount(site.apiKey, loginEmail))
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
    passwordChanged: now,
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
  if (!account.isRegistered) {
    await consumeToken(context, claims)
    return settleRegistration(context, account, true)
  }
  // A registered account's flow ends here only after a forced password change or a code verification;
  // until that is resolved, the same interruption again (with a new token; this one stays valid).
  if (claims.step !== 'password-change' && claims.step !== 'code-verification') throw invalidRegToken()
  const newUser = claims.newUser === true
  const interruption = await loginInterruption(context, account, newUser)
  if (interruption) throw interruption
  await consumeToken(context, claims)
  return sessionBody(context, account, include(context), newUser)
}
