import { addEnglish } from '../../i18n'
import { enFlows } from '../../i18n/enFlows'
import { useScreenSet } from '../ScreenSetContext'
import { CodeResend } from './CodeResend'
import { InfoScreen } from './InfoScreen'
import { ScreenForm } from './ScreenForm'
import type { ScreenProps } from './screenProps'

// The English texts of these screens come with them (every other language's catalog has them).
addEnglish(enFlows)

/**
 * The email verification screens, loaded on demand (FLOWS.md §5): verification-pending (a login of
 * an unverified account) and verification-sent (after a registration or a resend), both with
 * "resend"; email-code-verification, where the site verifies by code.
 */
export default function VerificationScreens(props: ScreenProps) {
  const { classNames, t } = useScreenSet('VerificationScreens')
  const { api } = props
  const email = api.state.verification?.emails[0] ?? ''

  if (api.screen === 'email-code-verification') {
    return (
      <ScreenForm
        {...props}
        title="email_code_verification_title"
        description={t('email_code_verification_description', { email })}
        submit="submit_code"
      >
        <CodeResend api={api} />
      </ScreenForm>
    )
  }
  const sent = api.screen === 'verification-sent'
  return (
    <InfoScreen
      {...props}
      title={sent ? 'verification_sent_title' : 'verification_pending_title'}
      description={t(sent ? 'verification_sent_description' : 'verification_pending_description', { email })}
    >
      <button
        type="button"
        onClick={() => void api.resendVerification()}
        disabled={api.resendState.status === 'sending'}
        className={classNames.link}
      >
        {t('resend_verification')}
      </button>
      <p role="status">{api.resendState.message ?? ''}</p>
    </InfoScreen>
  )
}
