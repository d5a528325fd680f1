/**
 * The security check of `accounts.resetPassword({ loginID })` (FLOWS.md §3, 400050): when the site's
 * `passwordReset.requireSecurityCheck` is true, or the account has no email to send a link to, the
 * user proves ownership with the answer to the account's security question (or with profile fields
 * from `passwordReset.securityFields`) and sets `newPassword` in the same call.
 */
import type { JsonObject } from '../accounts/types'
import type { CallContext } from './context'
import { verifySecret } from './crypto'
import { fail, type Body } from './envelope'
import { rateLimited } from './errors'
import { checkNewPasswordPolicy, checkNotUsedBefore, setPassword } from './passwordHistory'
import { saveAccount } from './registrationSupport'
import type { AccountRecord, SiteConfig } from './types'

/** Answers one account may give within `ANSWER_WINDOW_MS`; one more is 403048, so guessing stays slow. */
export const MAX_SECURITY_ANSWERS_PER_WINDOW = 5
/** A fixed window: its number is part of the attempt ids, so counting needs no read-modify-write. */
export const ANSWER_WINDOW_MS = 10 * 60 * 1000

/** Whether a `{ loginID }` reset must prove ownership here instead of mailing a link. */
export function securityCheckRequired(site: SiteConfig, account: AccountRecord): boolean {
  const hasEmail = account.emails.verified.length + account.emails.unverified.length > 0
  return site.policies.passwordReset?.requireSecurityCheck === true || !hasEmail
}

/** 400050, with the question the client should ask when the account has one. */
function verificationFailed(account: AccountRecord, details: string): Error {
  return fail(
    400050,
    'Security verification failed',
    details,
    account.secretQuestion === undefined ? {} : { secretQuestion: account.secretQuestion },
  )
}

const profileName = (name: string) => name.trim().replace(/^profile\./, '')

/**
 * The sets of profile fields `passwordReset.securityFields` names. Its format is not documented, so
 * a list of names (one set), a list of lists, or either as JSON text, or a comma list are all read.
 */
export function securityFieldSets(site: SiteConfig): string[][] {
  const configured: unknown = site.policies.passwordReset?.securityFields
  let value = configured
  if (typeof configured === 'string') {
    try {
      value = JSON.parse(configured)
    } catch {
      value = configured.split(',')
    }
  }
  if (!Array.isArray(value)) return []
  const sets: unknown[] = value.every((item) => typeof item === 'string') ? [value] : value
  return sets
    .filter((set): set is unknown[] => Array.isArray(set))
    .map((set) =>
      set
        .filter((name): name is string => typeof name === 'string')
        .map(profileName)
        .filter((name) => name !== ''),
    )
    .filter((set) => set.length > 0)
}

/** Strings, numbers and booleans compare as trimmed, case-insensitive text; an empty stored value never matches. */
function sameValue(given: unknown, stored: unknown): boolean {
  const scalar = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value).trim().toLowerCase()
      : undefined
  const expected = scalar(stored)
  return expected !== undefined && expected !== '' && scalar(given) === expected
}

/** Whether the given fields cover one whole configured set, each equal to the account's profile. */
function fieldsMatch(site: SiteConfig, account: AccountRecord, given: JsonObject): boolean {
  const values = new Map<string, unknown>()
  for (const key of Object.keys(given)) values.set(profileName(key), given[key])
  const stored = (name: string) => (Object.hasOwn(account.profile, name) ? account.profile[name] : undefined)
  return securityFieldSets(site).some((set) =>
    set.every((name) => values.has(name) && sameValue(values.get(name), stored(name))),
  )
}

/**
 * Counts one answer against the limit, before it is checked: each attempt takes one of a few
 * single-use ids of the current window, atomically, so parallel guesses cannot outrun the count.
 */
async function countAttempt(context: CallContext, account: AccountRecord): Promise<void> {
  const window = Math.floor(context.now / ANSWER_WINDOW_MS)
  for (let slot = 0; slot < MAX_SECURITY_ANSWERS_PER_WINDOW; slot += 1) {
    const id = `security-answer:${account.apiKey}:${account.UID}:${window}:${slot}`
    if (await context.env.store.useToken(id, context.now)) return
  }
  throw rateLimited('Too many security answers; wait before trying again')
}

/**
 * `resetPassword({ loginID })` on an account that needs the check: without `secretAnswer` or
 * `securityFields` it is 400050 with the question; with a right proof and `newPassword` the password
 * changes at once (the policy, the history, and pending reset links revoked) and the answer is `{ UID }`.
 * Every proof given must hold: a right answer with wrong fields still fails.
 */
export async function resetWithSecurityCheck(context: CallContext, account: AccountRecord): Promise<Body> {
  const { params, site } = context
  const answer = params.string('secretAnswer')
  if (answer === undefined && !params.has('securityFields')) {
    const details =
      account.secretQuestion === undefined
        ? 'No security question is set for this account'
        : 'Security verification required'
    throw verificationFailed(account, details)
  }
  const newPassword = params.required('newPassword')
  const fields = params.object('securityFields')
  await countAttempt(context, account)
  const answerOk =
    answer === undefined ||
    (account.secretAnswerHash !== undefined && (await verifySecret(answer, account.secretAnswerHash)))
  const fieldsOk = fields === undefined || fieldsMatch(site, account, fields)
  if (!answerOk || !fieldsOk) throw verificationFailed(account, 'Security verification failed')
  // Only a proven user learns whether the new password fails the policy or was used before.
  checkNewPasswordPolicy(context, newPassword)
  await checkNotUsedBefore(context, account, newPassword)
  await setPassword(context, account, newPassword)
  await saveAccount(context, account)
  return { errorCode: 0, UID: account.UID }
}
