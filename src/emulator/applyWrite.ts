import type { AccountRecord, SiteConfig, StoredSubscription } from './types'
import { isEmpty } from './accountRules'
import type { CheckedWrite } from './checkWrite'
import { getPath, setPath } from './writePaths'

/**
 * Applies a checked write. Returns the ids of subscriptions that now wait for a double opt-in
 * confirmation (their schema says `doubleOptIn` and they were not confirmed before).
 */
export function applyWrite(account: AccountRecord, write: CheckedWrite, site: SiteConfig, now: number): string[] {
  const stamp = new Date(now).toISOString()
  for (const [path, value] of write.profile) setPath(account.profile, path, value)
  for (const [path, value] of write.data) setPath(account.data, path, value)
  const pendingConfirmation: string[] = []
  for (const [id, isSubscribed, tags] of write.subscriptions) {
    const doubleOptIn = site.schema.subscriptionsSchema?.fields[id]?.email?.doubleOptIn === true
    const previous = account.subscriptions[id]?.email
    const subscription: StoredSubscription = {
      email: { isSubscribed, lastUpdatedSubscriptionState: stamp, ...(tags === undefined ? {} : { tags }) },
    }
    if (previous?.tags !== undefined && tags === undefined) subscription.email.tags = previous.tags
    if (!isSubscribed) {
      subscription.email.doubleOptIn = { status: 'NotConfirmed' }
    } else if (doubleOptIn && previous?.doubleOptIn?.status === 'Confirmed' && previous.isSubscribed) {
      subscription.email.doubleOptIn = previous.doubleOptIn
    } else if (doubleOptIn) {
      subscription.email.doubleOptIn = { status: 'Pending', emailSentTime: stamp }
      pendingConfirmation.push(id)
    } else {
      subscription.email.doubleOptIn = { status: 'NotConfirmed' }
    }
    account.subscriptions[id] = subscription
  }
  for (const [path, isConsentGranted] of write.preferences) {
    const docDate = site.schema.preferencesSchema?.fields[path]?.currentDocDate
    setPath(account.preferences, path, {
      isConsentGranted,
      lastConsentModified: stamp,
      ...(typeof docDate === 'string' ? { docDate } : {}),
    })
  }
  account.lastUpdated = now
  return pendingConfirmation
}

/**
 * The write without the profile and data values the account already has: for a call whose values
 * only fill gaps (a lite subscribe reaching a full account keeps that account's own data).
 */
export function onlyGaps(write: CheckedWrite, account: AccountRecord): CheckedWrite {
  return {
    ...write,
    profile: write.profile.filter(([path]) => isEmpty(getPath(account.profile, path))),
    data: write.data.filter(([path]) => isEmpty(getPath(account.data, path))),
  }
}
