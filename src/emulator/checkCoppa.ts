import type { JsonObject } from '../accounts/types'
import type { CallContext } from './context'
import { fail } from './envelope'
import type { AccountRecord } from './types'

/** Age in whole years from the profile's birth date, when the year is known. */
function ageOf(profile: JsonObject, now: number): number | undefined {
  const year = profile.birthYear
  if (typeof year !== 'number') return undefined
  const today = new Date(now)
  const month = typeof profile.birthMonth === 'number' ? profile.birthMonth : 1
  const day = typeof profile.birthDay === 'number' ? profile.birthDay : 1
  const hadBirthday =
    today.getUTCMonth() + 1 > month || (today.getUTCMonth() + 1 === month && today.getUTCDate() >= day)
  return today.getUTCFullYear() - year - (hadBirthday ? 0 : 1)
}

/** 403044 for an account under 13 when the site's `registration.enforceCoppa` is on. */
export function checkCoppa(context: CallContext, account: AccountRecord): void {
  if (context.site.policies.registration?.enforceCoppa !== true) return
  const age = ageOf(account.profile, context.now)
  if (age !== undefined && age < 13) throw fail(403044, 'Under age user', 'Under age user')
}
