import { addEnglish } from '../../i18n'
import { enRegistration } from '../../i18n/enRegistration'
import { useScreenSet } from '../ScreenSetContext'
import { InfoScreen } from './InfoScreen'
import { preloadScreen } from './screenGroups'
import { ScreenForm } from './ScreenForm'
import { ScreenLink } from './ScreenLink'
import type { ScreenProps } from './screenProps'

// The English of these screens comes with them (also registered by `useRegistrationScreenSet`, for
// headless use; every other language's catalog has them).
addEnglish(enRegistration)

/**
 * The screens of the first chunk: where a screen-set starts (register, login, lite-progression),
 * complete-registration and success, which follow a registration without a round trip for code.
 */
export function EntryScreen(props: ScreenProps) {
  const { t } = useScreenSet('EntryScreen')
  const { api } = props
  // A site that verifies emails answers a registration or a login with a verification screen:
  // its code loads while the user is about to submit, not after the answer.
  const verifies = api.policies?.accountOptions?.verifyEmail === true
  const preloadVerification = verifies ? () => preloadScreen('verification-pending') : undefined

  switch (api.screen) {
    case 'login':
      return (
        <ScreenForm {...props} title="login_title" submit="submit_login" onSubmitPreload={preloadVerification}>
          <ScreenLink
            onClick={() => api.goTo('forgot-password')}
            onPreload={() => preloadScreen('forgot-password')}
            data={{ 'data-forgot-password': '' }}
          >
            {t('forgot_password_link')}
          </ScreenLink>
          <ScreenLink onClick={() => api.goTo('register')}>{t('register_instead')}</ScreenLink>
        </ScreenForm>
      )
    case 'complete-registration':
      return (
        <ScreenForm
          {...props}
          title="complete_registration_title"
          description={t('complete_registration_description')}
          submit="submit_complete_registration"
          onSubmitPreload={preloadVerification}
        />
      )
    case 'lite-progression':
      return (
        <ScreenForm
          {...props}
          title="lite_progression_title"
          description={t('lite_progression_description', { email: api.state.prefill.email ?? '' })}
          submit="submit_lite_progression"
          strengthFor="password"
          onSubmitPreload={preloadVerification}
        />
      )
    case 'success':
      return <InfoScreen {...props} title="success_title" description={t('success_description')} />
    default:
      return (
        <ScreenForm
          {...props}
          title="register_title"
          submit="submit_register"
          strengthFor="password"
          onSubmitPreload={preloadVerification}
        >
          <ScreenLink onClick={() => api.goTo('login')}>{t('log_in_instead')}</ScreenLink>
        </ScreenForm>
      )
  }
}
