import { isValidEmail } from './accountRules'
import { applyWrite, onlyGaps } from './applyWrite'
import { checkWrite } from './checkWrite'
import type { CallContext } from './context'
import { fail, validationFailure, type Body } from './envelope'
import { invalidField, requiredField } from './errors'
import { newAccount } from './newAccount'
import type { AccountRecord } from './types'
import { validateWrite } from './validateWrite'
import { writeInputOf } from './writeInput'

/** Parallel calls on one email settle within a few rounds; past that the caller is told to retry. */
const MAX_ATTEMPTS = 3

async function sendDoubleOptIn(context: CallContext, account: AccountRecord, to: string, pending: string[]) {
  if (pending.length === 0) return
  await context.env.store.addOutbox({
    apiKey: context.site.apiKey,
    UID: account.UID,
    to,
    kind: 'double-opt-in',
    subject: 'Please confirm your subscription',
    body: `Confirm your subscription to: ${pending.join(', ')}.`,
    created: context.now,
  })
}

/**
 * `setAccountInfo` with a lite token: the account of `profile.email` gets the subscriptions, consents
 * and data of the call. That is the email's lite account, created on first use; or, when the email is
 * already a full account's login ID, that full account (FLOWS.md §7: one email, one UID), whose own
 * profile and data values stay and are only completed.
 */
export async function setLiteAccountInfo(context: CallContext): Promise<Body> {
  const { env, site, now, messages } = context
  const input = writeInputOf(context.params)
  const email = input.profile?.email
  if (typeof email !== 'string' || email.trim() === '') {
    throw validationFailure([requiredField(messages, 'profile.email')])
  }
  if (!isValidEmail(email.trim())) {
    throw validationFailure([invalidField(messages('invalidEmail'), 'profile.email')])
  }
  const normalizedEmail = email.trim()
  input.profile = { ...input.profile, email: normalizedEmail }

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const full = await env.store.findAccountByLoginID(site.apiKey, normalizedEmail)
    if (full) {
      // Judged as a first write (clientCreate fields allowed), then applied only where the account has no value.
      const { write, errors } = checkWrite(input, { site, client: true, messages, warn: env.warn })
      if (errors.length > 0) throw validationFailure(errors)
      const pending = applyWrite(full, onlyGaps(write, full), site, now)
      if (await env.store.updateAccount(full, 'full')) continue
      await sendDoubleOptIn(context, full, normalizedEmail, pending)
      return { errorCode: 0, UID: full.UID, newUser: false }
    }

    const existing = await env.store.findLiteAccount(site.apiKey, normalizedEmail)
    const account =
      existing ??
      newAccount(context, {
        kind: 'lite',
        loginIDs: { emails: [normalizedEmail] },
        emails: { verified: [], unverified: [normalizedEmail] },
      })
    const write = validateWrite(input, {
      site,
      client: true,
      messages,
      warn: env.warn,
      ...(existing ? { existing } : {}),
    })
    const pending = applyWrite(account, write, site, now)
    // A conflict: a parallel call created this email's lite account, or made it a full account, first.
    const conflict = existing ? await env.store.updateAccount(account, 'lite') : await env.store.insertAccount(account)
    if (conflict) continue
    await sendDoubleOptIn(context, account, normalizedEmail, pending)
    return { errorCode: 0, UID: account.UID, newUser: existing === undefined }
  }
  throw fail(409030, 'Too many concurrent requests', 'Too many concurrent requests for the same user')
}
