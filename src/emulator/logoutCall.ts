import type { Handler } from './context'
import { needsServerCredentials, unauthorized } from './errors'
import { endSession, endSessions, readSession } from './sessions'

/**
 * `accounts.logout` (FLOWS.md §2): the session of the call ends; a server call by `UID` ends every
 * session of that account. Either is recorded in the store, so it holds after a restart.
 */
export const logout: Handler = async (context) => {
  const { env, site, params } = context
  if (params.has('login_token') || !params.has('UID')) {
    await endSession(context, await readSession(context))
    return { errorCode: 0 }
  }
  if (!context.serverAuthorized) throw needsServerCredentials('logout by UID')
  const account = await env.store.getAccount(site.apiKey, params.required('UID'))
  if (!account) throw unauthorized()
  endSessions(account)
  await env.store.updateAccount(account)
  return { errorCode: 0 }
}
