import { useCallback, useState } from 'react'
import { isTfaScreen, type RegistrationEvent, type RegistrationScreen, type RegistrationState } from '../flows'
import { failureSupport } from './failureSupport'
import type { Translator } from '../i18n'
import type { ResendState } from './screenSetApi'
import type { FlowRunner } from './useFlow'

/** How long a user waits between two codes (SAP's screens wait too; the server limits the rate). */
export const CODE_RESEND_DELAY_MS = 30_000

/** The screens whose "resend" asks for a new code (email verification, a TFA code by email). */
const sendsCodes = (screen: RegistrationScreen) => screen === 'email-code-verification' || isTfaScreen(screen)

/** "Resend" on the verification screens: the link again, or a new code after a cool-down. */
export function useResend(
  flow: FlowRunner<RegistrationState, RegistrationEvent>,
  t: Translator,
): { resendVerification(): Promise<void>; resendState: ResendState } {
  const [message, setMessage] = useState<string>()
  const { state } = flow
  const resendVerification = useCallback(async () => {
    const byCode = sendsCodes(flow.current().screen)
    const support = failureSupport(t)
    const result = await flow.send({ type: 'resend', at: Date.now() })
    if (result.kind === 'done' && flow.current().resend.status === 'sent') {
      setMessage(t(byCode ? 'code_resent' : 'verification_resent'))
    } else if (result.kind === 'failed') {
      const loaded = await support
      if (!('classifyError' in loaded)) return setMessage(loaded.text)
      const outcome = loaded.classifyError(result.error, new Set(byCode ? ['code'] : []), result.method)
      const shown = outcome.kind === 'form' ? outcome.form : outcome.kind === 'fields' ? outcome.fields[0] : undefined
      setMessage(shown ? t(shown.messageId, {}, shown.fallback) : t('general_error'))
    }
  }, [flow, t])
  const sentAt = state.resend.sentAt ?? state.code?.sentAt
  const resendState: ResendState = {
    status: state.resend.status,
    // The message of the last resend, until the screen changes (the machine then resets the status).
    ...(message !== undefined && state.resend.status !== 'idle' ? { message } : {}),
    ...(sendsCodes(state.screen) && sentAt !== undefined ? { availableAt: sentAt + CODE_RESEND_DELAY_MS } : {}),
  }
  return { resendVerification, resendState }
}
