/**
 * The authenticator provider (`accounts.tfa.totp.*`): `register` makes a secret and shows it as a QR
 * code of an `otpauth://` URI (RFC 6238: SHA-1, 30 s, 6 digits); `verify` checks a code of the new
 * secret (with the `sctToken`) or of the active one, ±1 step, each step accepted once.
 */
import type { CallContext, Handler } from '../context'
import { randomBytes, toBase64Url } from '../crypto'
import { invalidJwt, invalidValue } from '../errors'
import { takeTry } from '../oneTimeCodes'
import { saveAccount } from '../registrationSupport'
import { toBase32 } from '../base32'
import { matchingTotpStep } from '../totp'
import type { AccountRecord, TotpSecret } from '../types'
import { issueProviderAssertion, issueStepToken, readAssertion, readStepToken, type Assertion } from './assertions'

const PROVIDER = 'gigyaTotp'
const SCT_PREFIX = 'SC1_'
/** How long a registration may take between the QR code and its first code. */
export const SCT_LIFETIME_MS = 10 * 60 * 1000
const ISSUER = 'react-screensets'

/** The `otpauth://` URI an authenticator app reads from the QR code. */
function otpauthUri(account: AccountRecord, secret: string): string {
  const label = encodeURIComponent(
    `${ISSUER}:${account.loginIDs.emails[0] ?? account.loginIDs.username ?? account.UID}`,
  )
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(ISSUER)}&algorithm=SHA1&digits=6&period=30`
}

export const register: Handler = async (context) => {
  const { assertion, account } = await readAssertion(context, PROVIDER)
  if (assertion.mode === 'verify') throw invalidJwt()
  const { token, id } = await issueStepToken(context, SCT_PREFIX, assertion, SCT_LIFETIME_MS)
  const secret = toBase32(randomBytes(20))
  account.tfa = {
    ...(account.tfa ?? { active: [] }),
    pendingTotp: { id: toBase64Url(randomBytes(12)), secret, sctId: id, created: context.now },
  }
  await saveAccount(context, account)
  // The QR encoder loads only here, so the emulator's entries stay small.
  const { qrCodeDataUrl } = await import('../qrCodeImage')
  return { errorCode: 0, qrCode: qrCodeDataUrl(otpauthUri(account, secret)), sctToken: token }
}

/** The pending secret of the call's `sctToken`, or (verify) the active one. */
async function secretOf(context: CallContext, account: AccountRecord, assertion: Assertion): Promise<TotpSecret> {
  if (assertion.mode === 'verify') {
    if (!account.tfa?.totp) throw invalidJwt()
    return account.tfa.totp
  }
  const sct = await readStepToken(context, SCT_PREFIX, 'sctToken', assertion)
  const pending = account.tfa?.pendingTotp
  if (pending?.sctId !== sct.id) throw invalidValue('sctToken')
  return pending
}

/** The secret's record on a freshly read account, where the accepted step is written. */
function sameSecret(account: AccountRecord, id: string): TotpSecret | undefined {
  const { totp, pendingTotp } = account.tfa ?? {}
  return totp?.id === id ? totp : pendingTotp?.id === id ? pendingTotp : undefined
}

export const verify: Handler = async (context) => {
  const { env, site, params, now } = context
  const code = params.required('code').trim()
  const { assertion, account } = await readAssertion(context, PROVIDER)
  const secret = await secretOf(context, account, assertion)
  // A few guesses per assertion: a 6-digit code must not be found by trying.
  if (!(await takeTry(context, 'tfa-totp', assertion.id))) throw invalidJwt()
  const step = /^\d{6}$/.test(code) ? await matchingTotpStep(secret.secret, code, now) : undefined
  // No replay: a step at or before the last accepted one never passes, and each step passes once.
  const fresh = step !== undefined && step > (secret.lastStep ?? -1)
  if (!fresh || !(await env.store.useToken(`tfa-totp-step:${secret.id}:${step}`, now))) throw invalidValue('code')
  const latest = (await env.store.getAccount(site.apiKey, account.UID)) ?? account
  const record = sameSecret(latest, secret.id)
  if (record) record.lastStep = Math.max(record.lastStep ?? -1, step)
  await saveAccount(context, latest)
  return {
    errorCode: 0,
    providerAssertion: await issueProviderAssertion(context, assertion, { secretId: secret.id }),
  }
}
