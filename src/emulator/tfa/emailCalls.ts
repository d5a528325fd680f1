/**
 * The email provider (`accounts.tfa.email.*`): the addresses it may use, hidden behind ids; a
 * 6-digit code mailed to one (kind `tfa-code` in the outbox); the code checked into a provider
 * assertion. A verify uses the addresses set up for TFA; a registration, the verified emails or (a
 * `email` parameter) a new one.
 */
import { isValidEmail } from '../accountRules'
import type { CallContext, Handler } from '../context'
import { hmac, timingSafeEqual, toBase64Url } from '../crypto'
import { invalidValue } from '../errors'
import { CODE_LIFETIME_MS, codeHash, countCodeSent, mailCode, newCode, takeTry } from '../oneTimeCodes'
import { saveAccount } from '../registrationSupport'
import type { AccountRecord } from '../types'
import { issueProviderAssertion, issueStepToken, readAssertion, readStepToken, type Assertion } from './assertions'

const PROVIDER = 'gigyaEmail'
const PHV_PREFIX = 'PH1_'
const PURPOSE = 'tfa-email'

const lower = (address: string) => address.toLowerCase()

/** The addresses the assertion's mode may send a code to. */
function addresses(account: AccountRecord, assertion: Assertion): string[] {
  const registered = account.tfa?.emails ?? []
  if (assertion.mode === 'verify') return registered
  const verified = account.emails.verified
  const all = assertion.mode === 'edit' ? [...registered, ...verified] : verified
  return all.filter((address, index) => all.findIndex((other) => lower(other) === lower(address)) === index)
}

/** An id that names the address for this account without revealing it. */
async function emailId(context: CallContext, account: AccountRecord, address: string): Promise<string> {
  return toBase64Url(await hmac(context.env.tokenKey, `tfa-email\n${account.UID}\n${lower(address)}`)).slice(0, 22)
}

/** `ada@example.com` → `a***@example.com`. */
function obfuscate(address: string): string {
  const at = address.lastIndexOf('@')
  return `${address.slice(0, 1)}***${address.slice(at)}`
}

export const getEmails: Handler = async (context) => {
  const { assertion, account } = await readAssertion(context, PROVIDER)
  const verifiedAt = account.tfa?.emailsVerified ?? {}
  const emails = []
  for (const address of addresses(account, assertion)) {
    const last = verifiedAt[lower(address)]
    emails.push({
      id: await emailId(context, account, address),
      obfuscated: obfuscate(address),
      ...(last === undefined ? {} : { lastVerification: new Date(last).toISOString() }),
    })
  }
  return { errorCode: 0, emails }
}

/** The address of `emailID` (one of `getEmails`), or a new `email` when registering. */
async function addressOf(context: CallContext, account: AccountRecord, assertion: Assertion): Promise<string> {
  const { params } = context
  if (!params.has('emailID') && params.has('email') && assertion.mode !== 'verify') {
    const email = params.required('email').trim()
    if (!isValidEmail(email)) throw invalidValue('email')
    return email
  }
  const id = params.required('emailID')
  for (const address of addresses(account, assertion)) {
    if ((await emailId(context, account, address)) === id) return address
  }
  throw invalidValue('emailID')
}

export const sendVerificationCode: Handler = async (context) => {
  const { assertion, account } = await readAssertion(context, PROVIDER)
  const address = await addressOf(context, account, assertion)
  countCodeSent(context, account)
  const code = newCode()
  const { token, id } = await issueStepToken(context, PHV_PREFIX, assertion, CODE_LIFETIME_MS)
  // A new code replaces the one before: only the latest phvToken works.
  account.tfa = {
    ...(account.tfa ?? { active: [] }),
    pendingEmailCode: { phvId: id, email: address, codeHash: await codeHash(context, PURPOSE, id, code) },
  }
  await saveAccount(context, account)
  await mailCode(context, account, address, 'tfa-code', code)
  return { errorCode: 0, phvToken: token }
}

export const completeVerification: Handler = async (context) => {
  const { env, site, params, now } = context
  const code = params.required('code').trim()
  const { assertion, account } = await readAssertion(context, PROVIDER)
  const phv = await readStepToken(context, PHV_PREFIX, 'phvToken', assertion)
  const pending = account.tfa?.pendingEmailCode
  if (pending?.phvId !== phv.id || !(await takeTry(context, PURPOSE, phv.id))) throw invalidValue('phvToken')
  if (!timingSafeEqual(await codeHash(context, PURPOSE, phv.id, code), pending.codeHash)) throw invalidValue('code')
  // Read again: the slow parts above may have let another call change the account.
  const fresh = (await env.store.getAccount(site.apiKey, account.UID)) ?? account
  const tfa = fresh.tfa ?? { active: [] }
  if (tfa.pendingEmailCode?.phvId !== phv.id) throw invalidValue('phvToken')
  delete tfa.pendingEmailCode
  tfa.emailsVerified = { ...tfa.emailsVerified, [lower(pending.email)]: now }
  fresh.tfa = tfa
  await saveAccount(context, fresh)
  return { errorCode: 0, providerAssertion: await issueProviderAssertion(context, assertion, { email: pending.email }) }
}
