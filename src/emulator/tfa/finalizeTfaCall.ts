import type { Handler } from '../context'
import { invalidJwt } from '../errors'
import { readToken, saveAccount } from '../registrationSupport'
import type { AccountRecord } from '../types'
import { readAssertion, readProviderAssertion, spendAssertion, type Assertion, type ProviderProof } from './assertions'
import { markTfaPassed } from './tfaPolicy'

/** A registration (or an edit) sets the provider up: the secret it verified, or the address it reached. */
function setUp(account: AccountRecord, assertion: Assertion, proof: ProviderProof): void {
  const tfa = account.tfa ?? { active: [] }
  if (assertion.provider === 'gigyaTotp') {
    const pending = tfa.pendingTotp
    if (pending === undefined || pending.id !== proof.secretId) throw invalidJwt()
    tfa.totp = {
      id: pending.id,
      secret: pending.secret,
      ...(pending.lastStep === undefined ? {} : { lastStep: pending.lastStep }),
    }
    delete tfa.pendingTotp
  } else if (proof.email !== undefined) {
    const known = tfa.emails ?? []
    if (!known.some((address) => address.toLowerCase() === proof.email?.toLowerCase()))
      tfa.emails = [...known, proof.email]
  }
  if (!tfa.active.includes(assertion.provider)) tfa.active = [...tfa.active, assertion.provider]
  account.tfa = tfa
}

/**
 * `accounts.tfa.finalizeTFA`: the provider step passed. A registration sets the provider up; a
 * regToken flow is recorded as passed, so its `finalizeRegistration` issues the session. The
 * assertion is spent. `tempDevice` is accepted and ignored: the emulator remembers no device, so
 * every login asks again.
 */
export const finalizeTFA: Handler = async (context) => {
  const { env, site, params } = context
  params.boolean('tempDevice', false)
  const { assertion } = await readAssertion(context)
  const proof = await readProviderAssertion(context, assertion)
  if (assertion.flow.kind === 'regToken' && (await readToken(context, 'full')).id !== assertion.flow.id) {
    throw invalidJwt()
  }
  if (!(await spendAssertion(context, assertion))) throw invalidJwt()
  if (assertion.mode !== 'verify') {
    const account = await env.store.getAccount(site.apiKey, assertion.UID)
    if (!account) throw invalidJwt()
    setUp(account, assertion, proof)
    await saveAccount(context, account)
  }
  if (assertion.flow.kind === 'regToken') await markTfaPassed(context, assertion.flow.id)
  return { errorCode: 0 }
}
