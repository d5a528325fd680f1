import { applyWrite } from './applyWrite'
import { verifyCaptcha } from './captcha'
import { checkCoppa } from './checkCoppa'
import type { CallContext, Handler } from './context'
import { fail } from './envelope'
import { invalidRegToken } from './errors'
import type { RegTokenClaims } from './regToken'
import { registerNew } from './registerNew'
import { consumeToken, pendingAccount, readSessionOptions, readToken } from './registrationSupport'
import { settleRegistration } from './settleRegistration'
import type { AccountRecord } from './types'
import { validateWrite } from './validateWrite'
import { writeInputOf } from './writeInput'

/**
 * `accounts.register`: a new account, a lite account become full (by its email or its progression
 * token), or the pending account of an earlier register or login completed.
 */
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
