/**
 * Password changes through `accounts.setAccountInfo` (FLOWS.md §4): the user's change with the
 * regToken of a 403100, and the server's flag that forces one at the next login.
 */
import type { CallContext } from './context'
import { verifySecret } from './crypto'
import type { Body } from './envelope'
import { invalidLoginID, invalidRegToken } from './errors'
import { checkNewPasswordPolicy, checkNotUsedBefore, setPassword } from './passwordHistory'
import type { RegTokenClaims } from './regToken'
import { pendingAccount, saveAccount } from './registrationSupport'
import type { AccountRecord } from './types'

/**
 * `setAccountInfo({ regToken, password, newPassword })`: the current password proves the user, the
 * new one must pass the policy and not be in the history. Only the password changes; the flow then
 * ends with `finalizeRegistration({ regToken })`, which no longer answers 403100.
 */
export async function changePasswordWithToken(context: CallContext, claims: RegTokenClaims): Promise<Body> {
  const account = await pendingAccount(context, claims)
  if (!account.isRegistered) throw invalidRegToken()
  const password = context.params.required('password')
  const newPassword = context.params.required('newPassword')
  const valid = account.passwordHash !== undefined && (await verifySecret(password, account.passwordHash))
  if (!valid) throw invalidLoginID('invalid password')
  checkNewPasswordPolicy(context, newPassword)
  await checkNotUsedBefore(context, account, newPassword)
  await setPassword(context, account, newPassword)
  await saveAccount(context, account)
  return { errorCode: 0 }
}

/** Server `setAccountInfo({ UID, requirePasswordChange })`: true forces a change at the next login, false lifts it. */
export function applyRequirePasswordChange(context: CallContext, account: AccountRecord): void {
  if (!context.params.has('requirePasswordChange')) return
  if (context.params.boolean('requirePasswordChange', false)) account.requirePasswordChange = true
  else delete account.requirePasswordChange
  account.lastUpdated = context.now
}
