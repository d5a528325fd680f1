/** What the registration, login and interruption calls share: their tokens, writes and answers. */
import type { ValidationError } from '../accounts/types'
import { accountBody, DEFAULT_INCLUDE, signUID } from './accountView'
import type { CallContext } from './context'
import { fail, validationFailure, type Body } from './envelope'
import { invalidRegToken, invalidValue } from './errors'
import { issueRegToken, readRegToken, type RegTokenClaims, type RegTokenStep } from './regToken'
import { issueSession, recordLogin } from './sessions'
import type { AccountRecord, SiteConfig, UniqueConflict } from './types'

/** Which login identifiers the site's `accountOptions.loginIdentifiers` allows. */
export function loginIdentifiers(site: SiteConfig): { email: boolean; username: boolean } {
  const list = String(site.policies.accountOptions?.loginIdentifiers ?? 'email')
    .split(',')
    .map((item) => item.trim())
  const username = list.includes('username')
  return { email: list.includes('email') || !username, username }
}

export interface NewTokenOptions {
  UID?: string
  step?: RegTokenStep
  newUser?: boolean
}

export function newToken(context: CallContext, lite: boolean, options: NewTokenOptions = {}): Promise<string> {
  return issueRegToken(context.env.tokenKey, {
    apiKey: context.site.apiKey,
    issuedAt: context.now,
    lite,
    ...(options.UID === undefined ? {} : { UID: options.UID }),
    ...(options.step === undefined ? {} : { step: options.step }),
    ...(options.newUser === true ? { newUser: true } : {}),
  })
}

/** A regToken that is genuine, of the right kind, and not used up. */
export async function readToken(context: CallContext, kind: 'full' | 'lite' | 'any'): Promise<RegTokenClaims> {
  const claims = await readRegToken(
    context.env.tokenKey,
    context.params.required('regToken'),
    context.site.apiKey,
    context.now,
  )
  const kindOk = kind === 'any' || (kind === 'lite') === claims.lite
  if (!kindOk || (await context.env.store.isTokenUsed(claims.id))) throw invalidRegToken()
  return claims
}

/** Uses the token up, atomically: of parallel calls with one token, only one gets past this. */
export async function consumeToken(context: CallContext, claims: RegTokenClaims): Promise<void> {
  if (!(await context.env.store.useToken(claims.id, context.now))) throw invalidRegToken()
}

/**
 * `targetEnv` and `sessionExpiration`, checked before anything is written: seconds, `0` until the
 * browser closes, `-1` (extended while used) and `-2` (until logout) as SAP's.
 */
export function readSessionOptions(context: CallContext): void {
  const targetEnv = context.params.string('targetEnv')
  if (targetEnv !== undefined && !['browser', 'mobile', 'both', 'jssdk'].includes(targetEnv)) {
    throw invalidValue('targetEnv')
  }
  const seconds = context.params.integer('sessionExpiration')
  if (seconds !== undefined && seconds < -2) throw invalidValue('sessionExpiration')
}

/** The full account a token continues (a progression token's lite account is not one). */
export async function pendingAccount(context: CallContext, claims: RegTokenClaims): Promise<AccountRecord> {
  const account =
    claims.UID === undefined || claims.step === 'progression'
      ? undefined
      : await context.env.store.getAccount(context.site.apiKey, claims.UID)
  if (!account || account.kind !== 'full') throw invalidRegToken()
  return account
}

export function include(context: CallContext): string[] {
  return context.params.list('include') ?? DEFAULT_INCLUDE
}

/**
 * A login identifier another account holds: a field error like any other (REFERENCE.md §3), never an
 * interruption. 403043 / 409003 belong to identity conflicts of social login, not to registration.
 */
export function loginIDTaken(context: CallContext, fieldName: 'email' | 'username'): ValidationError {
  return {
    errorCode: 400003,
    message: context.messages(fieldName === 'email' ? 'emailExists' : 'usernameExists'),
    fieldName,
  }
}

/**
 * The call's `username` for a site that logs in with one, set on the account; taken by another
 * account, it is a field error instead (returned, for the caller's one 400009).
 */
export async function applyUsername(context: CallContext, account: AccountRecord): Promise<ValidationError[]> {
  const { env, site, params } = context
  const username = loginIdentifiers(site).username ? params.string('username')?.trim() : undefined
  if (username === undefined) return []
  const holder = await env.store.findAccountByLoginID(site.apiKey, username)
  if (holder !== undefined && holder.UID !== account.UID) return [loginIDTaken(context, 'username')]
  account.loginIDs.username = username
  return []
}

/** The answer to a write the store refused: the UID or a login identifier was taken meanwhile. */
export function storeConflict(context: CallContext, account: AccountRecord, conflict: UniqueConflict): Error {
  if (conflict.conflict === 'uid') {
    return validationFailure([{ errorCode: 400003, message: context.messages('uidExists'), fieldName: 'siteUID' }])
  }
  const username = account.loginIDs.username?.toLowerCase()
  const field = conflict.conflict === 'loginID' && conflict.loginID === username ? 'username' : 'email'
  return validationFailure([loginIDTaken(context, field)])
}

/** Writes a changed full account; a login identifier taken in the meantime is the answer instead. */
export async function saveAccount(context: CallContext, account: AccountRecord): Promise<void> {
  const conflict = await context.env.store.updateAccount(account, 'full')
  if (conflict) throw storeConflict(context, account, conflict)
}

/** 206001: the registration waits for `missing` (or for finalizing), with a token to continue it. */
export async function pendingRegistration(context: CallContext, account: AccountRecord, missing: readonly string[]) {
  const details =
    missing.length > 0
      ? `Missing required fields for registration: ${missing.join(', ')}`
      : 'Account Pending Registration'
  return fail(206001, 'Account Pending Registration', details, {
    ...accountBody(account, [...include(context), 'profile', 'data'], missing),
    regToken: await newToken(context, false, { UID: account.UID }),
  })
}

/**
 * The answer of a login or a finished flow, the one place sessions are issued: the account, a new
 * session, and the login recorded. TFA (`requireTfa`) is the caller's check, before its token is used.
 */
export async function sessionBody(
  context: CallContext,
  account: AccountRecord,
  parts: readonly string[],
  newUser: boolean,
): Promise<Body> {
  const { site, now } = context
  const recorded = await recordLogin(context, account)
  return {
    errorCode: 0,
    sessionInfo: await issueSession(context, recorded),
    ...accountBody({ ...account, lastLogin: now }, parts),
    ...(await signUID(site, account.UID, now)),
    newUser,
  }
}

/** Link-mode verification emails (206002), one per address. */
export async function sendVerification(
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
