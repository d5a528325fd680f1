import { meetsPasswordPolicy } from './accountRules'
import { applyWrite } from './applyWrite'
import { checkCoppa } from './checkCoppa'
import { checkClientWrite } from './checkClientWrite'
import type { CallContext } from './context'
import { verifySecret } from './crypto'
import { validationFailure, type Body } from './envelope'
import { invalidLoginID, weakPassword } from './errors'
import { checkNotUsedBefore, setPassword } from './passwordHistory'
import { saveAccount } from './registrationSupport'
import { endSessions, readSession } from './sessions'

/**
 * `setAccountInfo` on the signed-in user's session (the profile screens): a client write (fields a
 * client may modify; a `clientCreate` field that has a value is 400025), the user name, and with
 * `password` + `newPassword` a password change that ends every other session of the account. Every
 * field error, the new password's policy included, comes in one 400009.
 */
export async function setAccountInfoBySession(context: CallContext): Promise<Body> {
  const { env, site, params, now, messages } = context
  const session = await readSession(context)
  const { account } = session
  const newPassword = params.string('newPassword')
  if (newPassword !== undefined) {
    const password = params.required('password')
    const valid = account.passwordHash !== undefined && (await verifySecret(password, account.passwordHash))
    if (!valid) throw invalidLoginID('invalid password')
  }
  const { write, errors } = await checkClientWrite(context, account)
  if (newPassword !== undefined && !meetsPasswordPolicy(newPassword, site.policies.passwordComplexity, env.warn)) {
    errors.push(weakPassword(messages, 'newPassword'))
  }
  if (errors.length > 0) throw validationFailure(errors)
  if (newPassword !== undefined) {
    await checkNotUsedBefore(context, account, newPassword)
    await setPassword(context, account, newPassword)
    // "Logs out all devices except the one from which the call is made."
    endSessions(account, session.id)
  }
  applyWrite(account, write, site, now)
  checkCoppa(context, account)
  await saveAccount(context, account)
  return { errorCode: 0 }
}
