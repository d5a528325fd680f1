import type { CallContext } from './context'
import { randomHex32 } from './envelope'
import type { AccountRecord } from './types'

/** What the call decides about a new account; everything else starts the same for every account. */
export interface AccountStart {
  kind: AccountRecord['kind']
  loginIDs: AccountRecord['loginIDs']
  emails: AccountRecord['emails']
  /** The UID the call asks for (`siteUID`); a random one otherwise. */
  UID?: string | undefined
}

function optional<K extends string>(key: K, value: string | undefined): { [key in K]?: string } {
  return value === undefined ? {} : ({ [key]: value } as { [key in K]: string })
}

/**
 * A new account of the call's site: not registered, not verified, active, with the call's `lang` and
 * `regSource`. Grown from a lite account (FLOWS.md §7), it keeps that account's UID, data and creation
 * time, and its `lang` and `regSource` where the call gives none.
 */
export function newAccount(context: CallContext, start: AccountStart, lite?: AccountRecord): AccountRecord {
  const { params, site, now } = context
  const { UID, ...chosen } = start
  return {
    UID: lite?.UID ?? UID ?? randomHex32(),
    apiKey: site.apiKey,
    ...chosen,
    profile: structuredClone(lite?.profile ?? {}),
    data: structuredClone(lite?.data ?? {}),
    subscriptions: structuredClone(lite?.subscriptions ?? {}),
    preferences: structuredClone(lite?.preferences ?? {}),
    isRegistered: false,
    isVerified: false,
    isActive: true,
    ...optional('regSource', params.string('regSource') ?? lite?.regSource),
    ...optional('lang', params.string('lang') ?? lite?.lang),
    created: lite?.created ?? now,
    lastUpdated: now,
  }
}
