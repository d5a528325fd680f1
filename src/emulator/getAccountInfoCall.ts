import type { JsonObject } from '../accounts/types'
import { missingRequiredFields } from './accountRules'
import { accountBody } from './accountView'
import type { CallContext, Handler } from './context'
import { needsServerCredentials, unauthorized } from './errors'
import { pendingAccount, readToken } from './registrationSupport'
import { readSession } from './sessions'
import type { AccountRecord } from './types'

/** SAP's default `include` for getAccountInfo. */
const ACCOUNT_INFO_INCLUDE = ['profile', 'data', 'subscriptions']

/** Profile fields SAP returns only when `extraProfileFields` names them. */
const EXTRA_PROFILE_FIELDS = new Set([
  'languages',
  'address',
  'phones',
  'education',
  'educationLevel',
  'honors',
  'publications',
  'patents',
  'certifications',
  'professionalHeadline',
  'bio',
  'industry',
  'specialties',
  'work',
  'skills',
  'religion',
  'politicalView',
  'interestedIn',
  'relationshipStatus',
  'hometown',
  'favorites',
  'followersCount',
  'followingCount',
  'username',
  'name',
  'locale',
  'verified',
  'timezone',
  'likes',
  'samlData',
  'lastLoginLocation',
  'oidcData',
])

/** The account of the call: its regToken's (before any session), its session's, or (server) its UID's. */
async function accountOf(context: CallContext): Promise<AccountRecord> {
  const { env, site, params } = context
  if (params.has('regToken')) return pendingAccount(context, await readToken(context, 'full'))
  if (params.has('login_token') || !params.has('UID')) return (await readSession(context)).account
  if (!context.serverAuthorized) throw needsServerCredentials('getAccountInfo by UID')
  const account = await env.store.getAccount(site.apiKey, params.required('UID'))
  if (!account) throw unauthorized()
  return account
}

/** `accounts.getAccountInfo` (FLOWS.md §2): the account, without the extra profile fields not asked for. */
export const getAccountInfo: Handler = async (context) => {
  const account = await accountOf(context)
  const extra = new Set(context.params.list('extraProfileFields') ?? [])
  const profile: JsonObject = Object.fromEntries(
    Object.entries(account.profile).filter(([name]) => !EXTRA_PROFILE_FIELDS.has(name) || extra.has(name)),
  )
  const include = context.params.list('include') ?? ACCOUNT_INFO_INCLUDE
  const missing = missingRequiredFields(account, context.site)
  return { errorCode: 0, ...accountBody({ ...account, profile }, include, missing) }
}
