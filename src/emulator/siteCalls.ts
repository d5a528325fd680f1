import type { JsonObject } from '../accounts/types'
import { isPlainObject } from '../shared/plainObjects'
import { inspectAccount } from './accountView'
import type { CallContext, Handler } from './context'
import { invalidParameter, invalidValue, needsServerCredentials } from './errors'
import { normalizeSiteConfig, SCHEMA_SECTIONS, SiteConfigError } from './siteConfig'
import type { SiteConfig } from './types'

/** The policy sections a browser (no credentials) may read. */
const CLIENT_POLICY_SECTIONS = new Set(['registration', 'gigyaPlugins', 'passwordComplexity', 'security'])

function requireServer(context: CallContext, what: string): void {
  if (!context.serverAuthorized) throw needsServerCredentials(what)
}

export const getSchema: Handler = async ({ site, params }) => {
  const include = params.list('include') ?? [...SCHEMA_SECTIONS]
  const filter = params.string('filter') ?? 'full'
  if (!['full', 'explicitOnly', 'clientOnly'].includes(filter)) throw invalidValue('filter')
  const body: Record<string, unknown> = { errorCode: 0 }
  for (const section of SCHEMA_SECTIONS) {
    if (!include.includes(section)) continue
    const value = (structuredClone(site.schema[section]) ?? { fields: {} }) as {
      fields: Record<string, { writeAccess?: unknown }>
    }
    if (filter === 'clientOnly' && section !== 'subscriptionsSchema') {
      const fields = Object.entries(value.fields)
      value.fields = Object.fromEntries(
        fields.filter(([, def]) => def.writeAccess === 'clientCreate' || def.writeAccess === 'clientModify'),
      )
    }
    body[section] = value
  }
  return body
}

export const getPolicies: Handler = async (context) => {
  const { site, params, serverAuthorized } = context
  const requested = params.list('sections')
  if (requested && !serverAuthorized) {
    const forbidden = requested.filter((section) => !CLIENT_POLICY_SECTIONS.has(section))
    if (forbidden.length > 0) throw needsServerCredentials(`Reading ${forbidden.join(', ')}`)
  }
  const body: Record<string, unknown> = { errorCode: 0 }
  for (const [section, value] of Object.entries(site.policies)) {
    if (requested && !requested.includes(section)) continue
    if (!serverAuthorized && !CLIENT_POLICY_SECTIONS.has(section)) continue
    body[section] = value
  }
  return body
}

/** Replaces the stored site after checking it is still a valid site. */
async function saveSite(context: CallContext, site: SiteConfig): Promise<void> {
  let normalized: SiteConfig
  try {
    normalized = normalizeSiteConfig(site)
  } catch (error) {
    if (error instanceof SiteConfigError) throw invalidParameter(error.message)
    throw error
  }
  await context.env.store.putSite(normalized)
}

/** Adds or replaces fields per section; a field set to null is removed. */
export const setSchema: Handler = async (context) => {
  requireServer(context, 'setSchema')
  const site = structuredClone(context.site)
  for (const section of SCHEMA_SECTIONS) {
    const update = context.params.object(section)
    if (update === undefined) continue
    const current = (site.schema[section] ?? { fields: {} }) as {
      fields: Record<string, unknown>
      dynamicSchema?: boolean
    }
    if (update.fields !== undefined && !isPlainObject(update.fields)) throw invalidValue(`${section}.fields`)
    const merged = { ...current.fields, ...(update.fields ?? {}) }
    current.fields = Object.fromEntries(Object.entries(merged).filter(([, def]) => def !== null))
    if (typeof update.dynamicSchema === 'boolean') current.dynamicSchema = update.dynamicSchema
    ;(site.schema as Record<string, unknown>)[section] = current
  }
  await saveSite(context, site)
  return { errorCode: 0 }
}

/** Merges each given policy section (a JSON object parameter) over the current one. */
export const setPolicies: Handler = async (context) => {
  requireServer(context, 'setPolicies')
  const site = structuredClone(context.site)
  const policies = site.policies as Record<string, JsonObject | undefined>
  for (const name of context.params.names()) {
    if (['apiKey', 'userKey', 'secret', 'format', 'callback', 'httpStatusCodes', 'context', 'lang'].includes(name))
      continue
    const update = context.params.object(name)
    if (update !== undefined) policies[name] = { ...policies[name], ...update }
  }
  await saveSite(context, site)
  return { errorCode: 0 }
}

/** Development inspection: every account of the site, without password or answer hashes. */
export const listAccounts: Handler = async (context) => {
  requireServer(context, 'emulator.listAccounts')
  const accounts = await context.env.store.listAccounts(context.site.apiKey)
  return { errorCode: 0, accounts: accounts.map(inspectAccount) }
}

/** Development inspection: the emails the emulator would have sent. */
export const getOutbox: Handler = async (context) => {
  requireServer(context, 'emulator.getOutbox')
  return { errorCode: 0, messages: await context.env.store.listOutbox(context.site.apiKey) }
}

/**
 * Development action: what clicking the link of a verification or double opt-in email does. Marks
 * the account's emails verified and its pending subscriptions confirmed.
 */
export const confirmEmail: Handler = async (context) => {
  requireServer(context, 'emulator.confirmEmail')
  const { env, site, now } = context
  const account = await env.store.getAccount(site.apiKey, context.params.required('UID'))
  if (!account) throw invalidValue('UID')
  account.emails = { verified: [...account.emails.verified, ...account.emails.unverified], unverified: [] }
  if (account.kind === 'full' && account.isRegistered) {
    account.isVerified = true
    account.verified = now
  }
  for (const subscription of Object.values(account.subscriptions)) {
    if (subscription.email.doubleOptIn?.status === 'Pending') {
      subscription.email.doubleOptIn = {
        status: 'Confirmed',
        emailSentTime: subscription.email.doubleOptIn.emailSentTime ?? new Date(now).toISOString(),
      }
    }
  }
  account.lastUpdated = now
  await env.store.updateAccount(account)
  return { errorCode: 0 }
}
