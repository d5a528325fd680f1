import type { ValidationError } from '../accounts/types'
import { isValidEmail, meetsPasswordPolicy } from './accountRules'
import { applyWrite } from './applyWrite'
import { checkCoppa } from './checkCoppa'
import { checkWrite } from './checkWrite'
import type { CallContext } from './context'
import { hashSecret } from './crypto'
import { validationFailure, type Body } from './envelope'
import { invalidField, invalidParameter, requiredField, weakPassword } from './errors'
import { newAccount } from './newAccount'
import type { RegTokenClaims } from './regToken'
import { consumeToken, loginIdentifiers, loginIDTaken, storeConflict } from './registrationSupport'
import { settleRegistration } from './settleRegistration'
import type { AccountRecord } from './types'
import { writeInputOf } from './writeInput'

const MAX_SITE_UID_LENGTH = 252

/**
 * A registration that creates the full account: a new one, or the lite account of its email (or of
 * its progression token) become full, keeping the UID.
 */
export async function registerNew(
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
    throw invalidParameter('Invalid siteUID')
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
  const required = (fieldName: string) => errors.push(requiredField(messages, fieldName))
  const isTaken = async (loginID: string | undefined) =>
    loginID !== undefined && (await env.store.findAccountByLoginID(site.apiKey, loginID)) !== undefined

  if (email === undefined && identifiers.email && (!identifiers.username || username === undefined)) required('email')
  if (email !== undefined && !isValidEmail(email)) errors.push(invalidField(messages('invalidEmail'), 'email'))
  if (await isTaken(loginEmail)) errors.push(loginIDTaken(context, 'email'))
  if (username === undefined && identifiers.username && !identifiers.email) required('username')
  if (await isTaken(loginUsername)) errors.push(loginIDTaken(context, 'username'))
  if (password === undefined) required('password')
  else if (!meetsPasswordPolicy(password, site.policies.passwordComplexity, env.warn)) {
    errors.push(weakPassword(messages, 'password'))
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
  const loginIDs = {
    emails: loginEmail === undefined ? [] : [loginEmail],
    ...(loginUsername === undefined ? {} : { username: loginUsername }),
  }
  const account: AccountRecord = {
    ...newAccount(context, { kind: 'full', UID: siteUID, loginIDs, emails: mergeEmails(lite, email) }, lite),
    passwordHash: await hashSecret(password as string, env.passwordHashIterations),
    ...(secretQuestion === undefined ? {} : { secretQuestion }),
    ...(secretAnswer === undefined
      ? {}
      : { secretAnswerHash: await hashSecret(secretAnswer, env.passwordHashIterations) }),
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
