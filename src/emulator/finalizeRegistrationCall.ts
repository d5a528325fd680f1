import type { Handler } from './context'
import { invalidRegToken } from './errors'
import { loginInterruption } from './interruptions'
import {
  consumeToken,
  include,
  pendingAccount,
  readSessionOptions,
  readToken,
  sessionBody,
} from './registrationSupport'
import { settleRegistration } from './settleRegistration'
import { requireTfa } from './tfa/tfaPolicy'

/** `accounts.finalizeRegistration`: a complete pending registration registered, or an interruption resolved. */
export const finalizeRegistration: Handler = async (context) => {
  const claims = await readToken(context, 'full')
  readSessionOptions(context)
  const account = await pendingAccount(context, claims)
  if (!account.isRegistered) {
    await consumeToken(context, claims)
    return settleRegistration(context, account, true)
  }
  // A registered account's flow ends here only after a forced password change, a code verification or
  // TFA; until that is resolved, the same interruption again (with a new token; this one stays valid).
  if (claims.step !== 'password-change' && claims.step !== 'code-verification' && claims.step !== 'tfa') {
    throw invalidRegToken()
  }
  const newUser = claims.newUser === true
  const interruption = await loginInterruption(context, account, newUser)
  if (interruption) throw interruption
  await requireTfa(context, account, claims)
  await consumeToken(context, claims)
  return sessionBody(context, account, include(context), newUser)
}
