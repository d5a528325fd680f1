import type { ValidationError } from '../accounts/types'
import { checkWrite, type CheckedWrite } from './checkWrite'
import type { CallContext } from './context'
import { applyUsername } from './registrationSupport'
import type { AccountRecord } from './types'
import { writeInputOf } from './writeInput'

/**
 * A client's write to an existing account (a pending registration's regToken, or a session): the
 * checked write and its field errors, a taken user name among them, for the caller's one 400009.
 */
export async function checkClientWrite(
  context: CallContext,
  account: AccountRecord,
): Promise<{ write: CheckedWrite; errors: ValidationError[] }> {
  const { site, messages, env } = context
  const { write, errors } = checkWrite(writeInputOf(context.params), {
    site,
    client: true,
    existing: account,
    messages,
    warn: env.warn,
  })
  errors.unshift(...(await applyUsername(context, account)))
  return { write, errors }
}
